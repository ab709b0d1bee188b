/// The second workspace's own ids (CONTRACT.md, Workspaces: an id belongs to one workspace).
///
/// Both workspaces draw branches, tags, users and topics from the same vocabulary indices, but the
/// second writes and reads them with `suffix` (`tag_billing_ws2`). A request's id filters are read
/// in the caller's workspace: under the second key an id without the suffix is the first workspace's,
/// so it matches nothing, exactly like an id that exists nowhere.
enum WorkspaceIDs {
    /// The suffix of the second workspace's ids.
    static let suffix = "_ws2"

    /// An id as the vocabulary holds it, for a filter value sent under `workspace`; nil when the value
    /// is not an id of that workspace (it then matches nothing).
    static func local(_ value: String, in workspace: ReferenceWorkspace, fault: ReferenceFault?) -> String? {
        guard workspace == .second else { return value.hasSuffix(suffix) ? nil : value }
        if value.hasSuffix(suffix) { return String(value.dropLast(suffix.count)) }
        // The fault: ids are looked up in every workspace, so the first workspace's id resolves here too.
        return fault == .crossWorkspaceIDResolves ? value : nil
    }

    /// The query with its id filters read in `workspace` (an id of no workspace becomes one that matches nothing).
    static func localize(_ query: ListQuery, in workspace: ReferenceWorkspace, fault: ReferenceFault?) -> ListQuery {
        var query = query
        let nowhere = "\u{0}"
        func one(_ value: String) -> String { local(value, in: workspace, fault: fault) ?? nowhere }
        query.branchID = query.branchID.map(one)
        query.userID = query.userID.map(one)
        query.tagIDs = query.tagIDs?.map(one)
        query.topicIDs = query.topicIDs?.map(one)
        return query
    }

    /// A vocabulary id as `workspace` writes it.
    static func written(_ id: String, in workspace: ReferenceWorkspace) -> String {
        workspace == .second ? id + suffix : id
    }
}
