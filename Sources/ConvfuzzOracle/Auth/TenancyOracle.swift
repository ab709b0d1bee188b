import ConvfuzzJSON
import ConvfuzzSpec

/// Judges isolation between the workspaces of two keys, from the spec's `auth.tenancy` rule.
///
/// Three questions: does a walk under one key list an item of the other key's workspace
/// (`CF-TENANT-LEAK`); does the owner filter with another workspace's owner give
/// `foreign_owner` (`CF-TENANT-OWNER`); does a cursor issued to one key, sent with the
/// other, yield the issuing key's items (`CF-TENANT-CURSOR`). Pure: no I/O.
public struct TenancyOracle: Sendable {
    let spec: Spec
    private let parser: PageParser

    /// Creates an oracle for a spec.
    public init(spec: Spec) {
        self.spec = spec
        parser = PageParser(spec: spec)
    }

    // MARK: Walks

    /// `CF-TENANT-LEAK`: items of a walk under one key that belong to the other key's view.
    public func checkWalk(_ walk: Walk, foreign: WorkspaceView, under name: String) -> [Finding] {
        for walkPage in walk.pages {
            guard let page = walkPage.page else { continue }
            let members = foreign.members(of: page.items, spec: spec)
            guard let first = members.first else { continue }
            return [Finding(check: .tenantLeak, detail: "\(name) sees \(foreign.name)",
                            message: "a walk under \(name) lists \(members.count == 1 ? "an item" : "\(members.count) items") of \(foreign.name)'s workspace: \(first.reason)",
                            expected: "no item of \(foreign.name)'s workspace under \(name)",
                            observed: members.prefix(5).map(\.reason).joined(separator: "; "),
                            evidence: [Evidence(walkPage.response, excerpt: first.item.description)])]
        }
        return []
    }

    // MARK: Owner filter

    /// `CF-TENANT-OWNER`: the answer to the owner filter with an owner value of `foreign`, sent under another key.
    public func checkOwnerProbe(_ response: ObservedResponse, owner: String, foreign: WorkspaceView, under name: String) -> [Finding] {
        let param = spec.auth.tenancy.ownerParam ?? "owner"
        let rule = spec.auth.tenancy.foreignOwner
        let expected: String
        switch rule {
        case .empty: expected = "status \(spec.response.status) with an empty page and no next page (auth.tenancy.foreign_owner: empty)"
        case .refused(let statuses): expected = "one of \(statuses.map(String.init).joined(separator: ", ")) (auth.tenancy.foreign_owner: refused)"
        }
        func finding(_ detail: String, _ message: String, _ observed: String, excerpt: String? = nil) -> [Finding] {
            [Finding(check: .tenantOwner, parameter: param, detail: detail,
                     message: "\(param)=<an owner of \(foreign.name)> under \(name): \(message)", expected: expected,
                     observed: observed, evidence: [excerpt.map { Evidence(response, excerpt: $0) } ?? Evidence(response)])]
        }
        guard let status = response.status else {
            return finding("no-response", "no response", response.transportError ?? "no response")
        }
        if status == spec.response.status, case .success(let page) = parser.parse(response.body) {
            let members = foreign.members(of: page.items, spec: spec)
            if let first = members.first {
                return finding("leak", "\(members.count) item(s) of \(foreign.name)'s workspace returned (\(first.reason))",
                               "\(page.items.count) items, \(members.count) of \(foreign.name)", excerpt: first.item.description)
            }
            if case .refused = rule { return finding("status", "status \(status) instead of a refusal", "status \(status)") }
            if !page.items.isEmpty || page.hasMore == true {
                return finding("not-empty", "\(page.items.count) item(s)\(page.hasMore == true ? " and more to come" : "") instead of an empty page",
                               "\(page.items.count) items, \(spec.pagination.hasMoreField) \(page.hasMore.map(String.init) ?? "absent")")
            }
            return []
        }
        if case .refused(let statuses) = rule, statuses.contains(status) { return [] }
        return finding("status", "status \(status)", "status \(status)")
    }

    // MARK: Foreign cursors

    /// `CF-TENANT-CURSOR`: the pages that followed a cursor issued to `foreign`, sent under another key.
    ///
    /// The target may refuse the cursor (the invalid-cursor status or a refusal status) or continue
    /// in the caller's own workspace; it must never return `foreign`'s items, nor a server error.
    public func checkForeignCursor(_ responses: [ObservedResponse], foreign: WorkspaceView, under name: String) -> [Finding] {
        let allowed = [spec.pagination.invalidCursorStatus] + spec.auth.unauthorizedStatuses
        let expected = "no item of \(foreign.name)'s workspace: status \(spec.response.status) with \(name)'s own items, or one of \(allowed.map(String.init).joined(separator: ", "))"
        for response in responses {
            guard let status = response.status else { continue }
            if status >= spec.errors.serverErrorFloor {
                return [Finding(check: .tenantCursor, detail: "status", message: "a cursor of \(foreign.name) sent under \(name) got status \(status)",
                                expected: expected, observed: "status \(status)", evidence: [Evidence(response)])]
            }
            guard status == spec.response.status, case .success(let page) = parser.parse(response.body) else { continue }
            let members = foreign.members(of: page.items, spec: spec)
            if let first = members.first {
                return [Finding(check: .tenantCursor, detail: "\(foreign.name) to \(name)",
                                message: "a cursor of \(foreign.name) sent under \(name) yields \(members.count) item(s) of \(foreign.name)'s workspace (\(first.reason))",
                                expected: expected, observed: members.prefix(5).map(\.reason).joined(separator: "; "),
                                evidence: [Evidence(response, excerpt: first.item.description)])]
            }
        }
        return []
    }
}
