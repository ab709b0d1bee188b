/// Writes one `ConversationSummaryResponseModel` object (fields in schema order).
enum ConversationEncoder {
    static func write(_ c: Conversation, projection: ItemProjection, to w: inout JSONByteWriter) {
        let pools = EncodedPools.self
        w.raw("{\"agent_id\":")
        w.raw(pools.agentIDs[Int(c.agent)])
        w.raw(",\"branch_id\":")
        nullable(c.branch, projection.secondWorkspace ? pools.secondBranchIDs : pools.branchIDs, &w)
        w.raw(",\"version_id\":")
        nullable(c.version, pools.versionIDs, &w)
        w.raw(",\"agent_name\":")
        w.raw(pools.agentNames[Int(c.agent)])
        w.raw(",\"conversation_id\":\"")
        ConversationID.append(high: c.idHigh, low: c.idLow, to: &w.bytes)
        w.raw("\",\"start_time_unix_secs\":")
        w.integer(c.start)
        w.raw(",\"call_duration_secs\":")
        w.integer(Int64(c.duration))
        w.raw(",\"message_count\":")
        if projection.nullMessageCount && c.duration % 3 == 0 { w.raw("null") } else { w.integer(Int64(c.messageCount)) }
        w.raw(",\"status\":")
        w.raw(pools.statuses[Int(c.status)])
        w.raw(",\"termination_reason\":")
        w.raw(pools.terminationReasons[Int(c.termination)])
        w.raw(",\"call_successful\":")
        w.raw(pools.results[Int(c.callSuccessful)])
        w.raw(",\"call_success_score\":")
        if c.successScore == 255 { w.raw("null") } else { w.raw(pools.successScores[Int(c.successScore)]) }
        if projection.summary {
            w.raw(",\"transcript_summary\":")
            nullable(c.summary, pools.summaries, &w)
        }
        w.raw(",\"call_summary_title\":")
        nullable(c.title, pools.summaryTitles, &w)
        w.raw(",\"main_language\":")
        nullable(c.language, pools.languages, &w)
        w.raw(",\"conversation_initiation_source\":")
        nullable(c.source, pools.sources, &w)
        w.raw(",\"tool_names\":")
        if c.tools == 0xFF { w.raw("null") } else { list(UInt16(c.tools), pools.toolNames, &w) }
        w.raw(",\"direction\":")
        nullable(c.direction, pools.directions, &w)
        w.raw(",\"rating\":")
        if c.rating == 0 {
            w.raw("null")
        } else if projection.ratingAsString {
            w.bytes.append(contentsOf: [0x22, 0x30 + c.rating, 0x22])
        } else {
            w.integer(Int64(c.rating))
        }
        w.raw(",\"sentiment_analysis\":")
        if c.sentiment == 255 { w.raw("null") } else { w.raw(SentimentPool.encoded[Int(c.sentiment)]) }
        if let ids = projection.dataCollectionIDs { dataCollection(c, ids, &w) }
        if let ids = projection.evaluationCriteriaIDs { evaluation(c, ids, &w) }
        w.raw(",\"tag_ids\":")
        list(c.tags, projection.secondWorkspace ? pools.secondTagIDs : pools.tagIDs, &w)
        w.raw("}")
    }

    @inline(__always)
    private static func nullable(_ code: UInt8, _ pool: [[UInt8]], _ w: inout JSONByteWriter) {
        if code == 0 { w.raw("null") } else { w.raw(pool[Int(code) - 1]) }
    }

    private static func list(_ mask: UInt16, _ pool: [[UInt8]], _ w: inout JSONByteWriter) {
        w.raw("[")
        var first = true
        for index in pool.indices where mask & (1 << UInt16(index)) != 0 {
            if !first { w.raw(",") }
            first = false
            w.raw(pool[index])
        }
        w.raw("]")
    }

    private static func dataCollection(_ c: Conversation, _ ids: [Int], _ w: inout JSONByteWriter) {
        w.raw(",\"data_collection_results\":{")
        var first = true
        for id in ids {
            let code = c.dataCollectionCode(id)
            if code == 0 { continue }
            if !first { w.raw(",") }
            first = false
            w.raw(EncodedPools.dataCollectionIDs[id])
            w.raw(":{\"data_collection_id\":")
            w.raw(EncodedPools.dataCollectionIDs[id])
            w.raw(",\"value\":")
            w.raw(EncodedPools.dataCollectionValues[id][code - 1])
            w.raw("}")
        }
        w.raw("}")
    }

    private static func evaluation(_ c: Conversation, _ ids: [Int], _ w: inout JSONByteWriter) {
        w.raw(",\"evaluation_criteria_results\":{")
        var first = true
        for id in ids {
            let code = c.evaluationCode(id)
            if code == 0 { continue }
            if !first { w.raw(",") }
            first = false
            w.raw(EncodedPools.evaluationCriteriaIDs[id])
            w.raw(":{\"result\":")
            w.raw(EncodedPools.results[EvaluationCode.result(code)])
            if let score = EvaluationCode.score(code) {
                w.raw(",\"score\":")
                w.integer(Int64(score))
                w.raw(",\"max_score\":")
                w.integer(Int64(EvaluationCode.maxScore))
            } else {
                w.raw(",\"score\":null,\"max_score\":null")
            }
            w.raw("}")
        }
        w.raw("}")
    }
}
