package io.langnghe.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The whole current state of a case: value of the compacted {@code cases.v1}, keyed by
 * {@code caseId}. {@code version} grows by one with every change and is the external version of
 * the search index, so an older state never overwrites a newer one.
 */
public record CaseState(
        int schemaVersion,
        String caseId,
        long version,
        String trackingCode,
        String feedbackId,
        Channel channel,
        String text,
        String area,
        String address,
        Contact contact,
        String batchId,
        Classification classification,
        String department,
        CaseStatus status,
        Instant receivedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant dueAt,
        String publicAnswer,
        List<HistoryEntry> history) {

    public static final int SCHEMA_VERSION = 1;

    public Category category() {
        return classification == null ? null : classification.category();
    }
}
