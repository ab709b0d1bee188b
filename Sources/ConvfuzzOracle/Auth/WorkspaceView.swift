import ConvfuzzJSON
import ConvfuzzSpec

/// What one key saw of its workspace: the item ids and the owner values (`auth.tenancy.owner_param`'s field).
public struct WorkspaceView: Sendable, Hashable {
    /// Who saw it, for messages (e.g. `the first key`).
    public var name: String
    /// Ids of the items seen.
    public var ids: Set<String>
    /// Owner values of the items seen (empty when the spec declares no owner filter).
    public var owners: Set<String>

    /// Creates a view.
    public init(name: String, ids: Set<String>, owners: Set<String>) {
        self.name = name
        self.ids = ids
        self.owners = owners
    }

    /// The view of a set of items, read through the spec (id field, owner field).
    public init(name: String, items: [JSONValue], spec: Spec) {
        let idField = spec.pagination.idField
        let ownerField = WorkspaceView.ownerField(spec)
        var ids = Set<String>()
        var owners = Set<String>()
        for item in items {
            if let id = item[idField]?.wireText { ids.insert(id) }
            if let ownerField, let value = item[ownerField], !value.isNull, let text = value.wireText { owners.insert(text) }
        }
        self.init(name: name, ids: ids, owners: owners)
    }

    /// The item field of the owner filter (`auth.tenancy.owner_param`'s eq filter), if the spec declares one.
    public static func ownerField(_ spec: Spec) -> String? {
        guard let owner = spec.auth.tenancy.ownerParam else { return nil }
        return spec.filters(on: owner).first { $0.op == .eq && $0.field != nil }?.field
    }

    /// The items of a list that belong to this view: by id or by owner value, with why.
    public func members(of items: [JSONValue], spec: Spec) -> [(item: JSONValue, id: String?, reason: String)] {
        let idField = spec.pagination.idField
        let ownerField = WorkspaceView.ownerField(spec)
        var out: [(item: JSONValue, id: String?, reason: String)] = []
        for item in items {
            let id = item[idField]?.wireText
            if let id, ids.contains(id) {
                out.append((item, id, "\(idField) \(id) was listed under \(name)"))
            } else if let ownerField, let value = item[ownerField]?.wireText, owners.contains(value) {
                out.append((item, id, "\(ownerField) \(value) belongs to \(name)"))
            }
        }
        return out
    }
}
