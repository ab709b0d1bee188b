/// A JSON object: entries in source order with fast lookup by key.
///
/// Equality and hashing ignore key order. When the source held a key twice,
/// the entry keeps the position of the first occurrence and the value of the
/// last (as `JSON.parse` in JavaScript does), and the key is listed in
/// ``duplicateKeys`` so an oracle can flag it.
///
/// Keys compare as Swift `String`s, i.e. by Unicode canonical equivalence.
public struct JSONObject: Sendable {
    /// Objects up to this size are searched linearly (faster than hashing);
    /// larger ones keep a dictionary index.
    static let linearSearchLimit = 24

    /// The entries in source (insertion) order, one per distinct key.
    public private(set) var entries: [(key: String, value: JSONValue)]
    /// Key → position in `entries`; empty while `entries.count <= linearSearchLimit`.
    private var index: [String: Int]
    /// Keys that occurred more than once in the source, once per repeat, in source order.
    public private(set) var duplicateKeys: [String]

    /// Creates an empty object.
    public init() {
        entries = []
        index = [:]
        duplicateKeys = []
    }

    /// Creates an object from pairs in order; a repeated key replaces the
    /// earlier value in place and is recorded in ``duplicateKeys``.
    public init(_ pairs: [(key: String, value: JSONValue)]) {
        self.init()
        entries.reserveCapacity(pairs.count)
        for pair in pairs where insertOrReplace(pair.key, pair.value) {
            duplicateKeys.append(pair.key)
        }
    }

    /// Creates an object from entries whose keys the caller has already found distinct (the parser
    /// compares plain ASCII keys byte for byte), without comparing them again.
    init(distinctEntries: [(key: String, value: JSONValue)]) {
        entries = distinctEntries
        index = [:]
        duplicateKeys = []
        rebuildIndex()
    }

    /// Creates an object from a dictionary, keys sorted by UTF-8 bytes for determinism.
    public init(_ dictionary: [String: JSONValue]) {
        self.init(dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { (key: $0.key, value: $0.value) })
    }

    /// `true` when the source held some key more than once.
    public var hasDuplicateKeys: Bool { !duplicateKeys.isEmpty }

    /// The number of distinct keys.
    public var count: Int { entries.count }

    /// `true` when the object has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    /// The values in source order.
    public var values: [JSONValue] { entries.map(\.value) }

    /// The position of `key` in ``entries``, or `nil`.
    public func position(ofKey key: String) -> Int? {
        if entries.count <= Self.linearSearchLimit {
            // `==` on two native strings compares their bytes at once when both are known NFC (every
            // ASCII string is); scanning the key for ASCII first cost more than the comparisons saved.
            return entries.firstIndex { $0.key == key }
        }
        return index[key]
    }

    /// The value for `key`, or `nil`. Setting `nil` removes the key; setting a
    /// new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { position(ofKey: key).map { entries[$0].value } }
        set {
            if let newValue {
                insertOrReplace(key, newValue)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Removes `key` and returns its value, or `nil` when absent.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(ofKey: key) else { return nil }
        let removed = entries.remove(at: position).value
        rebuildIndex()
        return removed
    }

    /// Replaces the value of an existing key in place or appends a new entry.
    /// Returns `true` when the key already existed.
    @discardableResult
    mutating func insertOrReplace(_ key: String, _ value: JSONValue) -> Bool {
        if let position = position(ofKey: key) {
            entries[position].value = value
            return true
        }
        entries.append((key: key, value: value))
        if entries.count > Self.linearSearchLimit {
            if index.isEmpty {
                rebuildIndex()
            } else {
                index[key] = entries.count - 1
            }
        }
        return false
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.linearSearchLimit else {
            index = [:]
            return
        }
        var rebuilt = [String: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() {
            rebuilt[entry.key] = position
        }
        index = rebuilt
    }
}
