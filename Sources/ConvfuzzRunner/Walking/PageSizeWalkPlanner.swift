import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

/// Plans the walks every run takes at fixed page sizes: 1, 2, the default and the maximum
/// (`CoverageTable.walkPageSizes`), all of one query, so their unions must agree.
///
/// The query is the complete sampled walk with the fewest items that still spans two pages at
/// size 1 and stays within `itemLimit` items (a walk at size 1 costs one request per item); without
/// one, the narrowest complete walk, and without any, `fallback` (walks then stop at `itemLimit` pages).
/// When the spec says items grow at the head, walks that start at the head (descending) are
/// preferred: new items never reach their unread pages, so a slow walk at size 1 still ends.
public struct PageSizeWalkPlanner: Sendable {
    /// One walk: its plan, its page size, and the page bound it runs under.
    public struct SizedWalk: Sendable, Hashable {
        /// The class name (`1`, `2`, `default`, `max`).
        public var name: String
        /// The effective page size.
        public var pageSize: Int
        /// The plan.
        public var plan: WalkPlan
    }

    /// The walks to take, and the reference walk (the query at the largest page size) they are compared with.
    public struct Plan: Sendable, Hashable {
        /// The walks at each page size (the largest size is the reference itself).
        public var walks: [SizedWalk]
        /// The query at the largest page size.
        public var reference: WalkPlan
        /// The page bound of every walk.
        public var maxPages: Int
    }

    private let spec: Spec
    private let shaper: QueryShaper
    /// The most items a chosen query may hold (and the page bound of a fallback walk).
    public let itemLimit: Int

    /// Creates a planner.
    public init(spec: Spec, itemLimit: Int = 120) {
        self.spec = spec
        shaper = QueryShaper(spec: spec)
        self.itemLimit = max(2, itemLimit)
    }

    /// The plan over sampled complete walks, or over `fallback` pairs when none is usable.
    public func plan(walks: [Walk], fallback: [WirePair]?, maxWalkPages: Int) -> Plan? {
        let stable = walks.filter { $0.isComplete && $0.direction == .desc }
        let complete = spec.pagination.growth == .head && !stable.isEmpty ? stable : walks.filter(\.isComplete)
        let fitting = complete.filter { (2...itemLimit).contains($0.ids.count) }
        let chosen = fitting.min { $0.ids.count < $1.ids.count } ?? complete.filter { $0.ids.count >= 2 }.min { $0.ids.count < $1.ids.count }
        let pairs: [WirePair]
        if let chosen {
            pairs = QueryCodec.pairs(fromQuery: chosen.baseQuery)
        } else if let fallback {
            pairs = fallback
        } else {
            return nil
        }
        let pageSizeParam = spec.pagination.pageSizeParam
        let maxSize = spec.pagination.maxPageSize
        var walks: [SizedWalk] = []
        var sizes = Set<Int>()
        for (name, size) in CoverageTable.walkPageSizes(spec) where size != maxSize && sizes.insert(size).inserted {
            let sized = name == "default" ? shaper.removing(pageSizeParam, from: pairs)
                                          : shaper.setting(pageSizeParam, to: String(size), in: pairs)
            walks.append(SizedWalk(name: name, pageSize: size, plan: WalkPlan(pairs: sized)))
        }
        let reference = WalkPlan(pairs: shaper.setting(pageSizeParam, to: String(maxSize), in: pairs))
        walks.append(SizedWalk(name: "max", pageSize: maxSize, plan: reference))
        // Slack for items that appear while the walks run (the chosen walk's count is a snapshot).
        let bound = chosen.map { 2 * $0.ids.count + 4 } ?? itemLimit
        return Plan(walks: walks, reference: reference, maxPages: min(maxWalkPages, bound))
    }
}
