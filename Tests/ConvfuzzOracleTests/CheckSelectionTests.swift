import Testing
@testable import ConvfuzzOracle

/// `--checks` / `--exclude-checks`: parsing, the closest id of a typo, what wins, filtering.
@Suite("Check selection")
struct CheckSelectionTests {
    // MARK: Parsing

    @Test func idsAreReadInAnyCaseAndKeptInCatalogueOrder() throws {
        let selection = try CheckSelection.parse(checks: " cf-walk-dup , CF-ORDER", exclude: nil)
        #expect(selection.checks == [.order, .walkDup])
        #expect(selection.contains(.walkDup) && selection.contains(.order))
        #expect(!selection.contains(.walkOrder))
        #expect(!selection.isAll)
    }

    @Test func aPrefixPatternAndAllNameEveryMatchingId() throws {
        let walks = try CheckSelection.parse(checks: "CF-WALK-*", exclude: nil)
        #expect(walks.checks == CheckID.allCases.filter { $0.rawValue.hasPrefix("CF-WALK-") })
        #expect(walks.checks.count == 6)
        #expect(try CheckSelection.parse(checks: "all", exclude: nil).isAll)
        #expect(try CheckSelection.parse(checks: "cf-meta-*", exclude: nil).checks == CheckID.all(in: .relation))
    }

    @Test func anExclusionWinsOverAnInclusion() throws {
        let selection = try CheckSelection.parse(checks: "CF-WALK-*", exclude: "CF-WALK-DUP,CF-ORDER")
        #expect(!selection.contains(.walkDup))
        #expect(selection.contains(.walkOrder))
        #expect(!selection.contains(.order))
        #expect(selection.checks.count == 5)
        let everyButOne = try CheckSelection.parse(checks: nil, exclude: "CF-RETRY-RATE")
        #expect(everyButOne.checks.count == CheckID.allCases.count - 1)
        #expect(!everyButOne.contains(.retryRate))
    }

    @Test func aSelectionThatLeavesNothingIsRefused() {
        #expect(throws: CheckSelectionError.nothingLeft(included: "CF-ORDER", excluded: "CF-*")) {
            try CheckSelection.parse(checks: "CF-ORDER", exclude: "CF-*")
        }
        #expect(throws: CheckSelectionError.nothingLeft(included: nil, excluded: "all")) {
            try CheckSelection.parse(checks: nil, exclude: "all")
        }
        let message = CheckSelectionError.nothingLeft(included: "CF-ORDER", excluded: "CF-*").description
        #expect(message == "--checks CF-ORDER with --exclude-checks CF-* leave no check to run (an exclusion wins over an inclusion)")
    }

    @Test func anUnknownIdNamesTheClosestKnownOne() {
        #expect(throws: CheckSelectionError.unknown(option: "--checks", id: "CF-WALK-DUPP", closest: .walkDup)) {
            try CheckSelection.parse(checks: "CF-ORDER,CF-WALK-DUPP", exclude: nil)
        }
        #expect(throws: CheckSelectionError.unknown(option: "--exclude-checks", id: "CF-SCHEMMA", closest: .schema)) {
            try CheckSelection.parse(checks: nil, exclude: "CF-SCHEMMA")
        }
        let message = CheckSelectionError.unknown(option: "--checks", id: "CF-WALK-DUPP", closest: .walkDup).description
        #expect(message.hasPrefix("--checks: unknown check id CF-WALK-DUPP; did you mean CF-WALK-DUP?"))
        #expect(!message.contains("\n"))
    }

    @Test func emptyElementsAndPatternsMatchingNothingAreRefused() {
        #expect(throws: CheckSelectionError.emptyElement(option: "--checks", list: "CF-ORDER,,CF-SCHEMA")) {
            try CheckSelection.parse(checks: "CF-ORDER,,CF-SCHEMA", exclude: nil)
        }
        #expect(throws: CheckSelectionError.emptyElement(option: "--checks", list: "")) {
            try CheckSelection.parse(checks: "", exclude: nil)
        }
        #expect(throws: CheckSelectionError.noMatch(option: "--checks", pattern: "CF-NOPE-*")) {
            try CheckSelection.parse(checks: "CF-NOPE-*", exclude: nil)
        }
    }

    // MARK: Closest id

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(CheckID.editDistance(Array("CF-WALK-DUPP"), Array("CF-WALK-DUP")) == 1)
        #expect(CheckID.editDistance(Array("CF-ORDRE"), Array("CF-ORDER")) == 2)
        #expect(CheckID.editDistance(Array(""), Array("abc")) == 3)
        #expect(CheckID.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(CheckID.editDistance(Array("same"), Array("same")) == 0)
    }

    @Test func theClosestIdOfEveryIdIsItselfAndOfATypoTheIntendedOne() {
        for check in CheckID.allCases {
            #expect(CheckID.closest(to: check.rawValue) == check)
            #expect(CheckID.closest(to: check.rawValue.lowercased() + "x") == check)
        }
        #expect(CheckID.closest(to: "CF-WALK-DUPP") == .walkDup)
        #expect(CheckID.closest(to: "CF-HASMORE") == .walkHasMore)
        #expect(CheckID.closest(to: "CF-TENANT-LEEK") == .tenantLeak)
    }

    // MARK: Using a selection

    @Test func filteringKeepsOnlySelectedFindingsInOrder() throws {
        let findings = [Finding(check: .walkDup, detail: "a", message: "dup", expected: "", observed: "", evidence: []),
                        Finding(check: .order, detail: "b", message: "order", expected: "", observed: "", evidence: []),
                        Finding(check: .walkOrder, detail: "c", message: "walk order", expected: "", observed: "", evidence: [])]
        let selection = try CheckSelection.parse(checks: "CF-WALK-*", exclude: "CF-WALK-DUP")
        #expect(selection.filter(findings).map(\.check) == [.walkOrder])
        #expect(CheckSelection.all.filter(findings).count == 3)
        #expect(selection.selectsAny(in: .walk))
        #expect(!selection.selectsAny(in: .relation))
        #expect(selection.selectsAny(of: [.order, .walkLoop]))
        #expect(!selection.selectsAny(of: [.order, .walkDup]))
    }

    @Test func theSummaryNamesTheSelectionAndWhatWasGiven() throws {
        #expect(CheckSelection.all.summary == "all \(CheckID.allCases.count) checks")
        let two = try CheckSelection.parse(checks: "CF-WALK-DUP,CF-WALK-ORDER", exclude: nil)
        #expect(two.summary == "CF-WALK-DUP, CF-WALK-ORDER (2 of \(CheckID.allCases.count) checks; --checks CF-WALK-DUP,CF-WALK-ORDER)")
        let many = try CheckSelection.parse(checks: nil, exclude: "CF-RETRY-RATE")
        #expect(many.summary == "(\(CheckID.allCases.count - 1) of \(CheckID.allCases.count) checks; --exclude-checks CF-RETRY-RATE)")
    }

    @Test func everyCheckCanBeReachedByAResponseAWalkARelationOrAnAccessCheck() {
        let reach = CheckID.walkChecks.union(CheckID.all(in: .relation)).union(CheckID.all(in: .auth))
            .union(CheckID.all(in: .tenancy))
        #expect(CheckID.responseChecks.isSubset(of: CheckID.walkChecks))
        #expect(Set(CheckID.allCases) == reach)
    }
}
