/// Which numbered units of each phase a run did: what `--shard` split and `convfuzz merge` checks.
///
/// Units are numbered identically in every shard of a run (see `Shard`), so the logs of all
/// shards of one run are disjoint and together equal the log of the unsharded run.
public struct WorkLog: Sendable, Hashable, Codable {
    /// One phase: how many units were planned in the whole run, and which this run did.
    public struct Units: Sendable, Hashable, Codable {
        /// Units planned in the whole (unsharded) run.
        public var planned: Int
        /// Units done here, ascending.
        public var done: [Int]

        /// No units.
        public init(planned: Int = 0, done: [Int] = []) {
            self.planned = planned
            self.done = done
        }

        private enum CodingKeys: String, CodingKey { case planned, done }

        /// Decodes `done` from its compact text (`0-1996/4,1999`).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            planned = try container.decode(Int.self, forKey: .planned)
            let text = try container.decode(String.self, forKey: .done)
            guard let done = IndexRuns.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .done, in: container, debugDescription: "bad index list '\(text)'")
            }
            self.done = done
        }

        /// Encodes `done` as compact text: runs of equal steps, `first-last/step`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(planned, forKey: .planned)
            try container.encode(IndexRuns.format(done), forKey: .done)
        }
    }

    /// Units per phase.
    public var phases: [PhaseName: Units] = [:]

    /// An empty log.
    public init() {}

    /// Records that `total` units are planned for `phase` in the whole run.
    public mutating func plan(_ phase: PhaseName, total: Int) {
        phases[phase, default: Units()].planned = total
    }

    /// Records that unit `unit` of `phase` was done.
    public mutating func did(_ phase: PhaseName, _ unit: Int) {
        phases[phase, default: Units()].done.append(unit)
    }

    /// Adds a phase's own log: its phases replace these (each phase is planned by one step of the run).
    public mutating func merge(_ other: WorkLog) {
        for (phase, units) in other.phases { phases[phase] = units }
    }

    /// The units done in `phase`.
    public func done(_ phase: PhaseName) -> [Int] { phases[phase]?.done ?? [] }

    private enum CodingKeys: String, CodingKey { case phases }

    /// Decodes a log keyed by phase name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decode([String: Units].self, forKey: .phases)
        for (name, units) in raw {
            guard let phase = PhaseName(rawValue: name), PhaseName.sharded.contains(phase) else {
                throw DecodingError.dataCorruptedError(forKey: .phases, in: container, debugDescription: "unknown phase '\(name)'")
            }
            phases[phase] = units
        }
    }

    /// Encodes the log keyed by phase name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Dictionary(uniqueKeysWithValues: phases.map { ($0.key.rawValue, $0.value) }), forKey: .phases)
    }
}

/// Ascending index lists as short text: `0-1996/4,1999` (runs with a common step).
enum IndexRuns {
    /// The text form of ascending `indices`.
    static func format(_ indices: [Int]) -> String {
        var parts: [String] = []
        var position = 0
        while position < indices.count {
            let first = indices[position]
            guard position + 1 < indices.count else { parts.append(String(first)); break }
            let step = indices[position + 1] - first
            var last = position + 1
            while last + 1 < indices.count, indices[last + 1] - indices[last] == step { last += 1 }
            if last - position >= 2, step > 0 {
                parts.append("\(first)-\(indices[last])/\(step)")
                position = last + 1
            } else {
                parts.append(String(first))
                position += 1
            }
        }
        return parts.joined(separator: ",")
    }

    /// Parses the text form; nil when malformed.
    static func parse(_ text: String) -> [Int]? {
        guard !text.isEmpty else { return [] }
        var result: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            if let dash = part.firstIndex(of: "-"), let slash = part.firstIndex(of: "/") {
                guard let first = Int(part[..<dash]), let last = Int(part[part.index(after: dash)..<slash]),
                      let step = Int(part[part.index(after: slash)...]), step > 0, first <= last,
                      (last - first) / step < 10_000_000 else { return nil }
                result += Array(stride(from: first, through: last, by: step))
            } else {
                guard let value = Int(part) else { return nil }
                result.append(value)
            }
        }
        return result
    }
}
