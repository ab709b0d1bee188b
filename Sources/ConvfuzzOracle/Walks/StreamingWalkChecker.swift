import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

/// Checks a cursor walk page by page without keeping it: memory stays flat however long the walk.
///
/// Every page gets the per-response checks; each page boundary gets the order and
/// has-more checks of `WalkOracle` on a two-page window; duplicates are found through
/// a set of 128-bit id digests (two independent 64-bit hashes).
///
/// When the spec orders by a key with the id as tie-break (or by the id), a walk whose items stay
/// strictly in order cannot repeat an id, so the set is kept only from the first order break on
/// (seeded with the page before the break): a correct or endless walk keeps two pages, not every id.
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
    private let order: ItemOrder
    private let orderImpliesUnique: Bool
    private var tracking: Bool
    private var previousDigests: [Digest] = []
    /// Pages seen.
    public private(set) var pages = 0
    /// Items seen.
    public private(set) var items = 0

    /// Creates a checker for a walk of one query.
    public init(spec: Spec, baseQuery: String, classification: Classification) {
        oracle = WalkOracle(spec: spec)
        self.baseQuery = baseQuery
        self.classification = classification
        order = ItemOrder(spec: spec, direction: QueryReading(spec: spec).direction(classification.query))
        let pagination = spec.pagination
        orderImpliesUnique = pagination.order.key == pagination.idField || pagination.order.tieBreak == pagination.idField
        tracking = !orderImpliesUnique
    }

    /// Whether the id set is being kept (always without a unique order; from the first order break on otherwise).
    public var keepsIDSet: Bool { tracking }

    /// Checks one more page; returns the findings it adds.
    public mutating func add(_ page: WalkPage) -> [Finding] {
        var findings = oracle.responses.check(classification: classification, response: page.response, parsed: page.page?.json)
        if let previous {
            let window = Walk(spec: oracle.spec, baseQuery: baseQuery, classification: classification,
                              pages: [previous, page], end: .completed)
            findings += oracle.boundaryOrderFindings(window) + oracle.hasMoreFindings(window)
        }
        pages += 1
        if !tracking, breaksOrder(page) {
            tracking = true
            seen.formUnion(previousDigests)
        }
        var digests: [Digest] = []
        for id in page.page?.ids ?? [] {
            items += 1
            let digest = Digest(high: Self.fnv1a(id), low: Self.polynomial(id))
            digests.append(digest)
            guard tracking else { continue }
            if !seen.insert(digest).inserted {
                duplicates.append((id, pages))
                if duplicateEvidence == nil { duplicateEvidence = Evidence(page.response) }
            }
        }
        if !tracking { previousDigests = digests }
        previous = page
        return findings
    }

    /// The walk-level findings once the walk has ended.
    public func finish(end: WalkEnd) -> [Finding] {
        var findings: [Finding] = []
        switch end {
        case .repeatedCursor, .pageLimit:
            let walk = Walk(spec: oracle.spec, baseQuery: baseQuery, classification: classification,
                            pages: previous.map { [$0] } ?? [], end: end)
            findings += oracle.loopFindings(walk, expectedTotal: nil, walked: (pages, items))
        default:
            break
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

    /// True when the page's items, or its first item after the previous page's last, are not strictly in order.
    private func breaksOrder(_ walkPage: WalkPage) -> Bool {
        guard let items = walkPage.page?.items else { return false }
        var last = previous?.page?.items.last
        for item in items {
            if let last, order.compare(last, item) != .before { return true }
            last = item
        }
        return false
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
