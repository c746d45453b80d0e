package io.langnghe.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An early warning: value of {@code alerts.v1}, keyed by {@code alertId}.
 *
 * @param subject what the alert is about ("case:...", "cluster:...", "spike:tdp-05:moi_truong")
 * @param level   "watch", "warning" or "critical"
 */
public record Alert(
        int schemaVersion,
        String alertId,
        String subject,
        String level,
        int riskScore,
        List<Reason> reasons,
        List<String> caseIds,
        String department,
        String area,
        Category category,
        Instant raisedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** One thing that raised the risk, with its weight in the score. */
    public record Reason(String code, String description, int weight) {
    }
}
