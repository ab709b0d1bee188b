import Testing
import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Wire classifier")
struct ClassifierTests {
    let classifier = WireClassifier(spec: Fixtures.spec)

    func word(_ query: String, cursors: [String] = []) -> String {
        classifier.classify(wire(query), issuedCursors: CursorBook(cursors)).expectation.word
    }

    @Test(arguments: [
        ("", "valid"),
        ("page_size=030", "valid"), ("page_size=1e3", "invalid"), ("page_size=1.5", "invalid"),
        ("page_size=30.0", "invalid"), ("page_size=0", "invalid"), ("page_size=1", "valid"),
        ("page_size=100", "valid"), ("page_size=101", "invalid"), ("page_size=%2B5", "valid"),
        ("page_size=+5", "invalid"), ("page_size=-0", "invalid"), ("page_size=%205", "invalid"),
        ("page_size=5%20", "invalid"), ("page_size=", "invalid"), ("page_size=null", "invalid"),
        ("page_size", "invalid"), ("page_size=5%0A", "invalid"),
        ("rating_min=6", "invalid"), ("rating_min=0", "invalid"), ("rating_min=5", "valid"), ("rating_max=1", "valid"),
        ("call_duration_min_secs=-1", "invalid"), ("call_duration_min_secs=-0", "valid"),
        ("call_start_after_unix=-5", "valid"), ("call_start_after_unix=9223372036854775807", "valid"),
        ("call_start_after_unix=9223372036854775808", "invalid"), ("call_start_before_unix=-9223372036854775808", "valid"),
        ("call_start_before_unix=-9223372036854775809", "invalid"),
        ("call_successful=success", "valid"), ("call_successful=Success", "invalid"), ("call_successful=error", "invalid"),
        ("call_successful=succes%D1%95", "invalid"), ("summary_mode=include%20", "invalid"),
        ("exclude_statuses=done&exclude_statuses=in-progress", "valid"), ("exclude_statuses=DONE", "invalid"),
        ("data_collection_params=id%3Aexists%3A", "valid"), ("data_collection_params=id:exists", "valid"),
        ("data_collection_params=id:exists:x", "invalid"), ("data_collection_params=id:in:a||b", "invalid"),
        ("data_collection_params=id:in:", "invalid"), ("data_collection_params=id:in:a|b", "valid"),
        ("data_collection_params=x:eq:a:b", "valid"), ("data_collection_params=x:eq:", "valid"),
        ("data_collection_params=id", "invalid"), ("data_collection_params=id:", "invalid"),
        ("data_collection_params=id:eq", "invalid"), ("data_collection_params=:eq:1", "invalid"),
        ("data_collection_params=id:like:1", "invalid"), ("data_collection_params=id:gt:abc", "invalid"),
        ("data_collection_params=id:gt:.5", "invalid"), ("data_collection_params=id:gt:5.", "invalid"),
        ("data_collection_params=id:gte:-12.50", "valid"), ("data_collection_params=id:lt:1e3", "invalid"),
        ("evaluation_params=c:success", "valid"), ("evaluation_params=c:success:x", "invalid"),
        ("evaluation_params=c:maybe", "invalid"), ("evaluation_params=:success", "invalid"),
        ("evaluation_params=c", "invalid"), ("evaluation_params=c:", "invalid"), ("evaluation_params=c:SUCCESS", "invalid"),
        ("page_size=5&page_size=500", "invalid"), ("page_size=500&page_size=5", "valid"),
        ("rating_min=4&rating_max=2", "empty"), ("rating_min=2&rating_max=2", "valid"),
        ("call_start_after_unix=10&call_start_before_unix=9", "empty"),
        ("rating_min=9&rating_max=2", "invalid"), ("unknown_thing=1", "valid"), ("PAGE_SIZE=9999", "valid"),
        ("search=%00%C3%28%zz", "valid"), ("tag_ids=a,b&tag_ids=", "valid"),
        ("cursor=", "invalid"), ("cursor=abc", "invalid"), ("cursor", "invalid"),
    ])
    func classifiesByTheContract(query: String, expected: String) {
        #expect(word(query) == expected, "\(query): \(classifier.classify(wire(query)).problems)")
    }

    @Test func issuedCursorsAreValidAndNothingElse() {
        #expect(word("cursor=tok_1", cursors: ["tok_1"]) == "valid")
        #expect(word("cursor=tok_", cursors: ["tok_1"]) == "invalid")
        #expect(word("cursor=tok_1x", cursors: ["tok_1"]) == "invalid")
        let closure = classifier.classify(wire("cursor=abc")) { $0 == "abc" }
        #expect(closure.expectation == .success)
    }

    @Test func invalidNamesTheParameterAndEmptyNamesTheRelation() {
        let invalid = classifier.classify(wire("page_size=5&page_size=500&rating_min=6"))
        #expect(invalid.expectation == .invalid(parameters: ["rating_min", "page_size"]))
        #expect(invalid.problems.count == 2)
        let empty = classifier.classify(wire("rating_min=4&rating_max=2"))
        #expect(empty.expectation == .empty(relation: "rating_min>rating_max"))
    }

    @Test func effectiveQuerySplitsGrammarItems() {
        let result = classifier.classify(wire("data_collection_params=x:eq:a:b&data_collection_params=y:exists&page_size=1&page_size=7&zz=1&tag_ids=a&tag_ids=b"))
        #expect(result.expectation == .success)
        #expect(result.query.scalar("page_size") == "7")
        #expect(result.query.list("tag_ids") == ["a", "b"])
        #expect(result.query.unknown == ["zz"])
        let items = result.query.grammarItems["data_collection_params"] ?? []
        #expect(items.count == 2)
        #expect(items.first?["value"] == "a:b")
        #expect(items.first?["op"] == "eq")
        #expect(items.last?["value"] == nil)
    }

    @Test func wireRulesComeFromTheSpec() {
        var spec = Fixtures.spec
        spec.wire.repeatedScalar = .first
        spec.wire.unknownParameters = .reject
        let strict = WireClassifier(spec: spec)
        #expect(strict.classify(wire("page_size=5&page_size=500")).expectation == .success)
        #expect(strict.classify(wire("zz=1")).expectation == .invalid(parameters: ["zz"]))
        spec.wire.repeatedScalar = .invalid
        spec.wire.invalidPercentLiteral = false
        let stricter = WireClassifier(spec: spec)
        #expect(stricter.classify(wire("page_size=5&page_size=5")).expectation == .invalid(parameters: ["page_size"]))
        #expect(stricter.classify(wire("search=%zz")).expectation == .invalid(parameters: []))
    }
}
