package io.langnghe.contracts;

import java.time.Instant;

/**
 * A record that could not be processed, kept whole so nothing is lost: value of
 * {@code feedback.dlq.v1} (and of {@code index.dlq.v1} for cases Elasticsearch refused), keyed by the original key.
 */
public record DeadLetter(
        int schemaVersion,
        String sourceTopic,
        int partition,
        long offset,
        String keyBase64,
        String valueBase64,
        String error,
        String failedBy,
        Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;
}
