import ConvfuzzJSON
import ConvfuzzSpec

extension TenancyOracle {
    // MARK: Identifiers

    /// The identifier filters the tenancy rule covers: every parameter marked `identifier: true`
    /// with an exact filter (`eq`, `in`, `intersects`), in spec order, with the item field when visible.
    public static func identifierFilters(_ spec: Spec) -> [(param: String, field: String?)] {
        guard spec.auth.tenancy.foreignIDs == .unknown else { return [] }
        var out: [(param: String, field: String?)] = []
        for parameter in spec.parameters where parameter.identifier && parameter.role == nil {
            guard let filter = spec.filters(on: parameter.name).first(where: { [.eq, .in, .intersects].contains($0.op) })
            else { continue }
            out.append((parameter.name, filter.visibility == .visible ? filter.field : nil))
        }
        return out
    }

    /// Every value of an item field in a list of items (strings, and the strings of an array field).
    public static func fieldValues(_ items: [JSONValue], field: String) -> Set<String> {
        var values = Set<String>()
        for item in items {
            guard let value = item[field], !value.isNull else { continue }
            if let elements = value.arrayValue {
                for element in elements { if let text = element.wireText { values.insert(text) } }
            } else if let text = value.wireText {
                values.insert(text)
            }
        }
        return values
    }

    /// `CF-TENANT-ID`: `param=<an id of another workspace>` must get byte for byte the answer to an id
    /// that exists nowhere (`auth.tenancy.foreign_ids: unknown`): the same status and the same body.
    public func checkForeignID(_ response: ObservedResponse, unknown: ObservedResponse, param: String,
                               foreign: String, under name: String) -> [Finding] {
        guard let status = response.status, let reference = unknown.status else { return [] }
        if status == reference && response.body == unknown.body { return [] }
        let detail = status != reference ? "status" : "body"
        var message = "\(param)=<an id of \(foreign)> under \(name) got "
        message += status != reference ? "status \(status), an id that exists nowhere got \(reference)"
            : "another body than an id that exists nowhere"
        if status == spec.response.status, case .success(let page) = PageParser(spec: spec).parse(response.body), !page.items.isEmpty {
            message += " (\(page.items.count) item(s))"
        }
        return [Finding(check: .tenantID, parameter: param, detail: detail, message: message,
                        expected: "byte for byte the answer to an id that exists nowhere (auth.tenancy.foreign_ids: unknown)",
                        observed: "status \(status), \(response.body.count) bytes; unknown id: status \(reference), \(unknown.body.count) bytes",
                        evidence: [Evidence(response), Evidence(unknown)])]
    }

    // MARK: Foreign cursor as an invalid one

    /// `CF-TENANT-CURSOR` under `auth.tenancy.foreign_cursor: invalid`: a cursor issued under another key,
    /// alone (`alongside` nil) or beside another invalid parameter, gets the invalid-cursor status with an
    /// error item naming the cursor (and one naming the other parameter).
    public func checkForeignCursorInvalid(_ response: ObservedResponse, alongside other: String?, foreign: String,
                                          under name: String) -> [Finding] {
        guard spec.auth.tenancy.foreignCursor == .invalid, let status = response.status else { return [] }
        let cursor = spec.pagination.cursorParam
        let expectedStatus = other == nil ? spec.pagination.invalidCursorStatus : spec.errors.validationStatus
        let wanted = [cursor] + (other.map { [$0] } ?? [])
        let expected = "status \(expectedStatus) with an error item for each of \(wanted.joined(separator: ", ")) (auth.tenancy.foreign_cursor: invalid)"
        let detail = other == nil ? "not-invalid" : "with-invalid-parameter"
        guard status == expectedStatus else {
            return [Finding(check: .tenantCursor, parameter: cursor, detail: "\(detail):\(status)",
                            message: "a cursor of \(foreign) sent under \(name)\(other.map { " with an invalid \($0)" } ?? "") got status \(status)",
                            expected: expected, observed: "status \(status)", evidence: [Evidence(response)])]
        }
        guard let locator = ErrorLocator(response: spec.response), let json = try? JSONParser.parse(response.body) else { return [] }
        let names = locator.locs(in: json).compactMap { loc -> String? in
            loc.count >= 2 && loc[0].stringValue == spec.errors.locPrefix ? loc[1].stringValue : nil
        }
        let missing = wanted.filter { !names.contains($0) }
        guard !missing.isEmpty else { return [] }
        return [Finding(check: .tenantCursor, parameter: cursor, detail: "\(detail):unnamed",
                        message: "a cursor of \(foreign) sent under \(name)\(other.map { " with an invalid \($0)" } ?? ""): no error item names \(missing.joined(separator: ", "))",
                        expected: expected, observed: names.isEmpty ? "no loc" : "locs name \(names.joined(separator: ", "))",
                        evidence: [Evidence(response)])]
    }
}
