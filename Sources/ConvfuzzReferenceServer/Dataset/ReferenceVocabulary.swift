/// The fixed vocabularies of the reference dataset.
///
/// They do not depend on the seed, so a target profile rendered from them
/// (`ReferenceProfile.renderYAML()`) is valid for every seed.
public enum ReferenceVocabulary {
    /// Agent ids (`agent_…`).
    public static let agentIDs: [String] = [
        "agent_3701k3ttaq12ewp8b7qv5rfyszkz", "agent_01jz8m4q7x2w9c5v3n6b1k0hta",
        "agent_7hq2m9x4c1v8b5n3z6k0w2e4rty", "agent_5tq8n2m7x4c9v1b6z3k0w8e2pas",
        "agent_9kd3m6x1c7v4b2n8z5k0w3e9lmf", "agent_2wp7n5m3x8c1v6b4z9k0w5e1qgh",
        "agent_6rs4m8x2c5v9b1n7z3k0w6e8jdu", "agent_8bn1m3x6c2v7b9n4z8k0w4e6yco",
    ]
    /// Agent ids of the second workspace (served to the second key); disjoint from `agentIDs`.
    public static let secondWorkspaceAgentIDs: [String] = [
        "agent_4mw8r2t6y1u9i3o5p7a0s2d4fgh", "agent_1zx7c5v3b9n2m4q6w8e0r1tyu",
        "agent_3ks9d1f7g5h2j8k4l6z0x3cvb", "agent_6pl2o8i4u9y3t7r1e5w0q6azx",
    ]
    /// Agent display names of the second workspace.
    public static let secondWorkspaceAgentNames: [String] = [
        "Front Desk", "Claims Line", "Reservations", "Field Support",
    ]
    /// Every agent id of every workspace; a conversation's agent byte indexes this list.
    static let allAgentIDs = agentIDs + secondWorkspaceAgentIDs
    /// Every agent name, parallel to `allAgentIDs`.
    static let allAgentNames = agentNames + secondWorkspaceAgentNames
    /// Agent display names, one per agent id.
    public static let agentNames: [String] = [
        "Support Bot", "Billing Assistant", "Sales Concierge", "Onboarding Guide",
        "Returns Desk", "Tech Helpdesk", "Appointment Scheduler", "Survey Caller",
    ]
    /// Branch ids (a conversation may also have none).
    public static let branchIDs: [String] = [
        "agtbrch_main", "agtbrch_experiment_a", "agtbrch_experiment_b", "agtbrch_holiday",
    ]
    /// Agent version ids (a conversation may also have none).
    public static let versionIDs: [String] = [
        "agtvrsn_0001", "agtvrsn_0002", "agtvrsn_0003", "agtvrsn_0004", "agtvrsn_0005", "agtvrsn_0006",
    ]
    /// Conversation statuses (the response enum, in schema order).
    public static let statuses: [String] = ["initiated", "in-progress", "processing", "done", "failed"]
    /// `EvaluationSuccessResult` values.
    public static let evaluationResults: [String] = ["success", "failure", "unknown"]
    /// All 27 `ConversationInitiationSource` values.
    public static let initiationSources: [String] = [
        "unknown", "android_sdk", "node_js_sdk", "react_native_sdk", "react_sdk", "js_sdk", "python_sdk",
        "widget", "sip_trunk", "twilio", "exotel", "genesys", "avaya", "audiocodes", "swift_sdk", "whatsapp",
        "twilio_sms", "flutter_sdk", "zendesk_integration", "slack_integration", "telegram_integration",
        "intercom_integration", "freshdesk_integration", "salesforce_integration", "template_preview",
        "genesys_bot_connector", "subagent_tool",
    ]
    /// Telephony directions.
    public static let directions: [String] = ["inbound", "outbound"]
    /// Main language codes (a conversation may also have none).
    public static let languages: [String] = ["en", "de", "fr", "es", "pt", "ja", "hi", "pl"]
    /// Tool names used by conversations.
    public static let toolNames: [String] = [
        "end_call", "transfer_to_agent", "lookup_order", "create_ticket", "send_sms", "language_detection",
    ]
    /// Conversation tag ids.
    public static let tagIDs: [String] = [
        "tag_billing", "tag_refund", "tag_vip", "tag_escalated", "tag_spam",
        "tag_feedback", "tag_sales", "tag_churn_risk", "tag_bug", "tag_follow_up",
    ]
    /// Termination reasons (never null; the empty string is the schema default).
    public static let terminationReasons: [String] = [
        "", "end_call tool was called.", "Client disconnected: 1000", "Call ended by remote party",
        "Max duration exceeded", "Inactivity timeout", "Transferred to human agent", "Error: upstream timeout",
    ]
    /// User ids of initiating users (hidden: not in the summary).
    public static let userIDs: [String] = (1...40).map { index in
        let digits = String(index)
        return "user_" + String(repeating: "0", count: 4 - digits.count) + digits
    }
    /// Topic ids (hidden: not in the summary).
    public static let topicIDs: [String] = [
        "topic_billing", "topic_refunds", "topic_shipping", "topic_login", "topic_pricing", "topic_cancellation",
        "topic_upgrade", "topic_bug_report", "topic_feedback", "topic_appointment", "topic_warranty", "topic_other",
    ]
    /// Data-collection ids (values only visible with `data_collection_ids`).
    public static let dataCollectionIDs: [String] = [
        "customer_tier", "order_total", "satisfied", "callback_note", "items_count",
    ]
    /// Evaluation criteria ids (results only visible with `evaluation_criteria_ids`).
    public static let evaluationCriteriaIDs: [String] = ["resolution", "politeness", "accuracy", "value_framing"]
    /// The words transcript messages are built from (lower case; messages use mixed case).
    public static let searchWords: [String] = [
        "hello", "refund", "invoice", "password", "delivery", "cancel", "upgrade", "thanks",
        "order", "shipping", "account", "error", "premium", "discount", "warranty", "appointment",
        "complaint", "address", "payment", "subscription", "manager", "tracking", "broken", "schedule",
    ]
    /// Words with non-ASCII letters that some transcript messages end with, written as here
    /// (`TranscriptPool`): accented Latin, a sharp s, Greek with a final sigma, a dotless i.
    public static let accentedSearchWords: [String] = ["café", "größe", "σοφός", "kılıç", "mañana", "ÉCOLE"]
    /// Transcript summaries (a conversation may also have none).
    public static let summaries: [String] = [
        "The user asked about a refund for a damaged item; the agent opened a ticket.",
        "Caller wanted to change the delivery address; resolved.",
        "The customer could not log in and reset their password with help.",
        "Billing question about a double charge, escalated to a human agent.",
        "The user requested an upgrade to the premium plan.",
        "Short call, the user hung up before stating the issue.",
        "The agent scheduled an appointment for next Tuesday.",
        "Complaint about a late shipment; a discount code was offered.",
        "The caller asked for the warranty terms of a \"Pro\" device.",
        "Survey completed: the user rated the service 4/5.",
        "User asked to cancel the subscription; retention offer declined.",
        "Tracking number provided for the pending order.",
    ]
    /// Call summary titles (a conversation may also have none).
    public static let summaryTitles: [String] = [
        "Refund request", "Address change", "Password reset", "Double charge", "Plan upgrade",
        "Dropped call", "Appointment booking", "Late shipment", "Warranty question", "Satisfaction survey",
        "Cancellation", "Order tracking",
    ]
}
