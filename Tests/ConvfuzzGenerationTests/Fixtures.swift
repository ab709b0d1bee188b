import ConvfuzzGeneration
import ConvfuzzSpec
import ConvfuzzTestSupport

/// Paths into the repository and shared fixtures for tests.
enum Fixtures {
    static var root: String { TestPaths.root }

    static var specPath: String { TestPaths.specPath }

    static var spec: Spec { TestPaths.spec }

    /// A profile-like pool set resembling what discovery finds.
    static let pools: ValuePools = {
        var pools = ValuePools(profile: TargetProfile(
            target: "test",
            pools: [
                "agent_id": ["agent_a", "agent_b", "agent_c"],
                "start_time": ["1700000000", "1700003600", "1700007200", "1700010800"],
                "duration": ["0", "12", "95", "300"],
                "user_id": ["user_1", "user_2"],
                "main_language": ["en", "de", "fr"],
                "tag_ids": ["tag_x", "tag_y"],
                "topic_ids": ["topic_1"],
                "branch_id": ["br_main"],
                "search": ["hello", "refund"],
                "data_collection_ids": ["dc_age", "dc_city"],
                "evaluation_criteria_ids": ["ec_polite", "ec_solved"],
            ],
            idValues: ["dc_age": ["17", "42", "63.5"], "dc_city": ["Paris", "Rio:de", "true"]]))
        pools.merge(cursors: ["cur_AAAA", "cur_BBBB"])
        return pools
    }()
}
