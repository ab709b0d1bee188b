import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

/// Checks a cursor walk page by page without keeping it: memory stays flat however long the walk.
///
/// Every page gets the per-response checks; each page boundary gets the order and
/// has-more checks of `WalkOracle` on a two-page window; duplicates are found through
/// a set of 128-bit id digests (two independent 64-bit hashes), so a walk over a
/// million items needs about 16 bytes per id instead of the ids themselves.
public struct StreamingWalkChecker: Sendable {
    private struct Digest: Hashable, Sendable {
        let high: UInt64
        let low: UInt64
    }

    private let oracle: WalkOracle
    private let classification: Classification
    private let baseQuery: String
    private var previous: WalkPage?
    private var seen = Set<Digest>()
    private var duplicates: [(id: String, page: Int)] = []
    private var duplicateEvidence: Evidence?
    /// Pages seen.
    public private(set) var pages = 0
    /// Items seen.
    public private(set) var items = 0

    // Read once from the query, when the checker is made.
    private let pageSize: Int
    private let direction: SortDirection

    /// Creates a checker for a walk of one query.
    public init(spec: Spec, baseQuery: String, classification: Classification) {
        oracle = WalkOracle(spec: spec)
        self.baseQuery = baseQuery
        self.classification = classification
        let reading = QueryReading(spec: spec)
        pageSize = reading.pageSize(classification.query)
        direction = reading.direction(classification.query)
    }

    /// Checks one more page; returns the findings it adds.
    public mutating func add(_ page: WalkPage) -> [Finding] {
        var findings = oracle.responses.check(classification: classification, response: page.response)
        if let previous {
            let window = Walk(baseQuery: baseQuery, classification: classification, pageSize: pageSize,
                              direction: direction, pages: [previous, page], end: .completed)
            findings += oracle.boundaryOrderFindings(window) + oracle.hasMoreFindings(window)
        }
        pages += 1
        for id in page.page?.ids ?? [] {
            items += 1
            let digest = Digest(high: Self.fnv1a(id), low: Self.polynomial(id))
            if !seen.insert(digest).inserted {
                duplicates.append((id, pages))
                if duplicateEvidence == nil { duplicateEvidence = Evidence(page.response) }
            }
        }
        previous = page
        return findings
    }

    /// The walk-level findings once the walk has ended.
    public func finish(end: WalkEnd) -> [Finding] {
        var findings: [Finding] = []
        if case .repeatedCursor = end {
            let walk = Walk(spec: oracle.spec, baseQuery: baseQuery, classification: classification,
                            pages: previous.map { [$0] } ?? [], end: end)
            findings += oracle.loopFindings(walk, expectedTotal: nil)
        }
        if let first = duplicates.first {
            let examples = duplicates.prefix(3).map { "\($0.id) (again on page \($0.page))" }.joined(separator: ", ")
            findings.append(Finding(check: .walkDup, detail: "across-pages",
                                    message: "the walk returned \(duplicates.count) id(s) more than once: \(examples)",
                                    expected: "every item exactly once", observed: "\(first.id) repeated",
                                    evidence: duplicateEvidence.map { [$0] } ?? []))
        }
        return findings
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A second, unrelated hash: a polynomial over the bytes, finished with SplitMix64's mixer.
    private static func polynomial(_ text: String) -> UInt64 {
        var hash: UInt64 = UInt64(text.utf8.count)
        for byte in text.utf8 { hash = hash &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(byte) &+ 1 }
        return SplitMix64.mix(hash)
    }
}
