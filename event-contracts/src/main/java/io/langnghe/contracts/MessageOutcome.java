package io.langnghe.contracts;

import java.time.Instant;

/**
 * What became of one message: value of {@code notification.outcomes.v1}, keyed by {@code caseId} (or
 * by the department for staff mail). Never the contact: this is what the case's history shows.
 *
 * @param status  sent, delivered, held, merged, suppressed, failed or dead_letter
 * @param note    why, in a few words ("held until 07:00", "merged into answered", "no Zalo window and no ZNS template")
 * @param gatewayId the channel's own id of the message, for delivery receipts, or null
 */
public record MessageOutcome(
        int schemaVersion,
        String idempotencyKey,
        String caseId,
        String event,
        String channel,
        String template,
        String status,
        Instant at,
        String note,
        String gatewayId) {

    public static final int SCHEMA_VERSION = 1;
}
