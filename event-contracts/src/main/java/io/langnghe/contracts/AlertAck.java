package io.langnghe.contracts;

import java.time.Instant;

/**
 * A leader or the responsible department has seen an alert: value of {@code alert.acks.v1}, keyed by
 * the alert's subject. The early warning then stays quiet about that subject until it worsens.
 */
public record AlertAck(int schemaVersion, String alertId, String subject, String level, String username, String role,
                       Instant acknowledgedAt) {

    public static final int SCHEMA_VERSION = 1;
}
