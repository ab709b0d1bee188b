/// The cursors a target issued in this run: a cursor value is valid exactly when it is here.
///
/// Compared byte for byte (never by Unicode equivalence).
public struct CursorBook: Sendable, Hashable {
    private var issued: Set<[UInt8]>

    /// A book holding some cursors.
    public init(_ cursors: [String] = []) {
        issued = Set(cursors.map { Array($0.utf8) })
    }

    /// Records a cursor the target returned.
    public mutating func insert(_ cursor: String) {
        issued.insert(Array(cursor.utf8))
    }

    /// Whether the target issued this exact value.
    public func contains(_ cursor: String) -> Bool {
        issued.contains(Array(cursor.utf8))
    }

    /// The number of cursors held.
    public var count: Int { issued.count }
}
