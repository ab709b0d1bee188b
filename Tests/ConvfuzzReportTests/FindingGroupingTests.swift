import ConvfuzzOracle
import ConvfuzzReport
import ConvfuzzResults
import Foundation
import Testing

@Suite("Root-cause groups")
struct FindingGroupingTests {
    let redactor = Redactor(secrets: [SampleResults.secret])

    static func reported(_ check: CheckID, _ parameter: String?, detail: String, query: String = "page_size=30",
                         pageSize: Int? = 30, status: FindingStatus = .new) -> ReportedFinding {
        let finding = Finding(check: check, parameter: parameter, detail: detail, message: "\(check.rawValue) \(parameter ?? "-") \(detail)",
                              expected: "e", observed: "o", evidence: [Evidence(query: query, status: 200, excerpt: "{}")])
        let origin: FindingOrigin = pageSize.map { .walk(query: query, pageSize: $0) } ?? .relation(description: "r")
        return ReportedFinding(finding: finding, status: status, occurrences: 1, origin: origin, reproduction: [query])
    }

    /// A skipped item: page-size differences, completeness and relation findings on many parameters, one has_more.
    static let skippedItem: [ReportedFinding] = [
        reported(.walkCompleteness, "agent_id", detail: "missing", query: "page_size=100&agent_id=a", pageSize: 100),
        reported(.walkPageSize, "page_size", detail: "extra", query: "rating_max=2&page_size=30", pageSize: 30),
        reported(.walkCompleteness, "rating_min", detail: "missing+extra", query: "page_size=100&rating_min=2", pageSize: 100),
        reported(.metaSubset, "search", detail: "contains_ci:extra", pageSize: nil),
        reported(.walkPageSize, "page_size", detail: "missing+extra", query: "", pageSize: 1),
        reported(.walkHasMore, nil, detail: "empty-next-page", query: "page_size=1", pageSize: 1),
        reported(.metaPartition, "data_collection_params", detail: "eq/neq:missing", pageSize: nil),
    ]

    @Test func aWalkWhoseItemsDependOnPagingAbsorbsTheComparisonsItImplies() {
        let groups = FindingGrouper.groups(Self.skippedItem)
        #expect(groups.map(\.key) == ["walk:set", "walk:has_more"])
        let set = groups[0]
        #expect(set.check == .walkPageSize && set.count == 6 && set.parameters == ["page_size"])
        #expect(set.example.origin == .walk(query: "", pageSize: 1), "the representative is the smallest walk of the headline check")
        #expect(set.cause.contains("seen in 4 walks at page sizes 1–100 and 2 comparisons of walks it implies"))
        #expect(groups[1].count == 1 && groups[1].cause.hasPrefix("a page says has_more=true"))
        #expect(FindingGrouper.members(of: groups).count == Self.skippedItem.count, "no finding is lost")
    }

    /// A reported finding whose shrunk example still needs `needs`.
    static func shrunk(_ check: CheckID, _ parameter: String?, detail: String, query: String, needs: [String],
                       observed: String = "o") -> ReportedFinding {
        var reported = Self.reported(check, parameter, detail: detail, query: query, pageSize: nil)
        reported.finding.observed = observed
        var summary = ShrinkSummary(pairsBefore: 6, pairsAfter: needs.count, attempts: 20, verified: true)
        summary.parameters = needs
        reported.shrink = summary
        return reported
    }

    @Test func filtersWhoseShrunkExamplesAllNeedAnotherParameterGroupUnderIt() {
        // Every other filter is dropped when `search` is present: each shrunk example keeps `search`.
        let findings = [
            Self.shrunk(.filter, "agent_id", detail: "eq", query: "agent_id=a&search=x", needs: ["agent_id", "search"]),
            Self.shrunk(.filter, "rating_max", detail: "lte", query: "rating_max=1&search=x", needs: ["rating_max", "search"]),
            Self.shrunk(.relationEmpty, nil, detail: "rating_min>rating_max", query: "rating_min=2&rating_max=1&search=x",
                        needs: ["rating_min", "rating_max", "search"], observed: "30 items, has_more=true"),
            Self.reported(.walkCompleteness, "search,tag_ids", detail: "extra"),
            // An unrelated filter read wrongly on its own keeps a group of its own.
            Self.shrunk(.filter, "branch_id", detail: "eq", query: "branch_id=b", needs: ["branch_id"]),
        ]
        let groups = FindingGrouper.groups(findings)
        #expect(groups.map(\.key) == ["semantics:search", "semantics:branch_id"])
        #expect(groups[0].count == 4 && groups[0].parameters == ["search"])
        // Without the shrunk examples, each filter would be a group of its own (the bounds join `rating_max`).
        let unshrunk = findings.map { reported -> ReportedFinding in
            var copy = reported
            copy.shrink = nil
            return copy
        }
        #expect(FindingGrouper.groups(unshrunk).map(\.key)
                == ["semantics:agent_id", "semantics:rating_max", "semantics:search", "semantics:branch_id"])
    }

    @Test func pagesWhoseHasMoreFlagIsDishonestAreOneStep() {
        let findings = [
            Self.reported(.hasMoreCursor, nil, detail: "true-without-cursor", query: "page_size=100", pageSize: 100),
            Self.shrunk(.relationEmpty, nil, detail: "rating_min>rating_max", query: "rating_min=2&rating_max=1",
                        needs: ["rating_min", "rating_max"], observed: "0 items, has_more=true"),
            Self.shrunk(.relationEmpty, nil, detail: "call_duration_min_secs>call_duration_max_secs", query: "a",
                        needs: ["call_duration_min_secs", "call_duration_max_secs"], observed: "0 items, has_more=true"),
            // Items under conflicting bounds are a semantic finding, not a flag.
            Self.shrunk(.relationEmpty, nil, detail: "call_start_after_unix>call_start_before_unix", query: "b",
                        needs: ["call_start_after_unix", "call_start_before_unix"], observed: "3 items, has_more=false"),
        ]
        #expect(findings[1].finding.isEmptyPageClaimingMore && !findings[3].finding.isEmptyPageClaimingMore)
        let groups = FindingGrouper.groups(findings)
        #expect(groups.map(\.key) == ["walk:has_more", "semantics:call_start_after_unix"])
        #expect(groups[0].count == 3 && groups[0].check == .hasMoreCursor)
        #expect(groups[0].cause.contains("and 2 other findings of the same flag"), "\(groups[0].cause)")
    }

    @Test func anotherWorkspacesIdAnsweredAlikeOnEveryIdentifierIsOneGroup() {
        let findings = ["user_id", "branch_id", "tag_ids"].map { Self.reported(.tenantID, $0, detail: "body", pageSize: nil) }
            + [Self.reported(.tenantOwner, "agent_id", detail: "leak", pageSize: nil)]
        let groups = FindingGrouper.groups(findings)
        #expect(groups.map(\.key) == ["answer:CF-TENANT-ID|body", "CF-TENANT-OWNER|agent_id"])
        #expect(groups[0].count == 3 && groups[0].parameters == ["branch_id", "tag_ids", "user_id"])
        #expect(groups[0].cause.contains("the same answer on 3 parameters"), "\(groups[0].cause)")
    }

    @Test func withoutABrokenWalkComparisonsGroupByCheckAndParameter() {
        let findings = [Self.reported(.walkCompleteness, "agent_id", detail: "missing"),
                        Self.reported(.metaDisjoint, "user_id", detail: "eq:overlap", pageSize: nil),
                        Self.reported(.walkCompleteness, "agent_id", detail: "extra"),
                        Self.reported(.schema, nil, detail: "<items>[].rating:type"),
                        Self.reported(.schema, nil, detail: "<items>[].message_count:null")]
        let groups = FindingGrouper.groups(findings)
        #expect(groups.map(\.key) == ["semantics:agent_id", "semantics:user_id",
                                      "CF-SCHEMA|-|<items>[].rating:type", "CF-SCHEMA|-|<items>[].message_count:null"])
        #expect(groups[0].count == 2)
    }

    @Test func findingsOverOneParameterShareItsGroup() {
        let findings = [Self.reported(.filter, "rating_max", detail: "lte:null"),
                        Self.reported(.walkCompleteness, "main_languages,rating_max", detail: "extra"),
                        Self.reported(.walkCompleteness, "rating_max,search", detail: "extra"),
                        Self.reported(.metaMonotone, "rating_max", detail: "lte:extra", pageSize: nil),
                        Self.reported(.walkCompleteness, "agent_id", detail: "missing")]
        let groups = FindingGrouper.groups(findings)
        #expect(groups.map(\.key) == ["semantics:rating_max", "semantics:agent_id"])
        #expect(groups[0].check == .filter && groups[0].count == 4 && groups[0].parameters == ["rating_max"])
        #expect(groups[0].cause == "rating_max does not select the items the spec says; seen in 4 findings over it (CF-FILTER, CF-WALK-COMPLETENESS, CF-META-MONOTONE)")
    }

    @Test func theSameWrongStatusClassAcrossParametersIsOneGroup() {
        let lax = ["call_start_after_unix", "rating_min", "page_size"].map {
            Self.reported(.statusAccepted, $0, detail: "200", pageSize: nil)
        } + [Self.reported(.statusAccepted, "page_size", detail: "invalid:422", pageSize: nil),
             Self.reported(.cursorInvalid, "cursor", detail: "400", pageSize: nil)]
        let groups = FindingGrouper.groups(lax)
        #expect(groups.count == 3)
        #expect(groups[0].parameters == ["call_start_after_unix", "page_size", "rating_min"] && groups[0].count == 3)
        #expect(groups[0].cause.contains("on 3 parameters (call_start_after_unix, page_size, rating_min)"))
    }

    @Test func flakyFindingsNeverJoinAConfirmedGroup() {
        let findings = [Self.reported(.walkDup, nil, detail: "across-pages", status: .flaky),
                        Self.reported(.walkCompleteness, "agent_id", detail: "missing")]
        let groups = FindingGrouper.groups(findings)
        #expect(groups.count == 2 && groups[1].status == .new && groups[1].check == .walkCompleteness)
    }

    @Test func everyReportSpeaksInGroups() throws {
        let result = SampleResults.result(findings: Self.skippedItem)
        let context = ReportContext(result: result, redactor: redactor)
        let text = TextSummary.render(context)
        #expect(text.contains("Findings: 7 new, 0 baseline, 0 flaky, 0 notice, 0 unconfirmed (2 root-cause groups)"))
        #expect(text.contains("1. [CF-WALK-PAGESIZE] page_size: a cursor walk holds other items at another page size"))
        #expect(text.contains("FAIL: 2 new finding(s) (exit 1)"))
        let xml = JUnitReport.render(context)
        #expect(xml.contains("failures=\"2\"") && xml.contains("CF-WALK-COMPLETENESS (grouped under CF-WALK-PAGESIZE [page_size])"))
        let markdown = MarkdownReport.render(context)
        #expect(markdown.contains("| 1 | `CF-WALK-PAGESIZE` | page_size | new | 6 |"))
        let json = try JSONReport.render(context)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require((object["result"] as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(entries.count == 2 && entries[0]["count"] as? Int == 6 && (entries[0]["members"] as? [Any])?.count == 6)
        #expect((object["reproductions"] as? [Any])?.count == 2)
        let back = try JSONReportReader.read(data: Data(json.utf8), file: "r.json")
        #expect(back.findings == FindingGrouper.members(of: FindingGrouper.groups(result.findings)),
                "the members read back, in group order")
        #expect(Set(back.findings) == Set(result.findings))
        let html = HTMLReport.render(context)
        #expect(html.contains("Findings (7 in 2 groups)") && html.contains("6 members"))
    }
}

@Suite("Quiet summary")
struct QuietSummaryTests {
    @Test func quietPrintsTheCountsAndTheVerdictOnly() {
        let result = SampleResults.result(findings: FindingGroupingTests.skippedItem)
        let text = TextSummary.quiet(ReportContext(result: result, redactor: Redactor(secrets: [])))
        #expect(text == "Findings: 2 groups (2 new, 0 baseline, 0 flaky, 0 notice, 0 unconfirmed) of 7 findings\nFAIL: 2 new finding(s) (exit 1)\n")
        #expect(TextSummary.quiet(ReportContext(result: SampleResults.result(), redactor: Redactor(secrets: [])))
                == "No findings.\nPASS: no new findings (exit 0)\n")
    }
}
