package io.langnghe.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An early warning: value of {@code alerts.v1}, keyed by {@code alertId}.
 *
 * @param subject what the alert is about ("case:...", "cluster:...", "spike:tdp-05:moi_truong")
 * @param level     "watch", "warning" or "critical"
 * @param caseIds   the cases it is about, at most a hundred (the latest of a large issue)
 * @param caseCount how many cases it is about in all (older records: 0, read as caseIds' size)
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
        Instant raisedAt,
        int caseCount) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        caseCount = Math.max(caseCount, caseIds.size());
    }

    /** An alert about just the cases it names. */
    public Alert(int schemaVersion, String alertId, String subject, String level, int riskScore, List<Reason> reasons,
                 List<String> caseIds, String department, String area, Category category, Instant raisedAt) {
        this(schemaVersion, alertId, subject, level, riskScore, reasons, caseIds, department, area, category, raisedAt, 0);
    }

    /** One thing that raised the risk, with its weight in the score. */
    public record Reason(String code, String description, int weight) {
    }
}
