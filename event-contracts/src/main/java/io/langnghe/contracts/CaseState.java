package io.langnghe.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The whole current state of a case: value of the compacted {@code cases.v1}, keyed by
 * {@code caseId}. {@code version} grows by one with every change and is the external version of
 * the search index, so an older state never overwrites a newer one.
 *
 * @param deadlineState how the case stands against {@code dueAt}; {@code on_time} when absent (older records)
 * @param urgent        an outage, a danger to people, a food poisoning: shorter deadlines (false when absent)
 * @param caseType      petition, or complaint / denunciation on the legal track ({@code petition} when absent)
 * @param complex       a complaint marked complex: 45 days to decide instead of 30 (false when absent)
 * @param extensions    how many times a denunciation's decision deadline was extended, 0 to 2 (0 when absent)
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
        List<HistoryEntry> history,
        DeadlineState deadlineState,
        boolean urgent,
        CaseType caseType,
        boolean complex,
        int extensions) {

    public static final int SCHEMA_VERSION = 1;

    public CaseState {
        deadlineState = deadlineState == null ? DeadlineState.ON_TIME : deadlineState;
        caseType = caseType == null ? CaseType.PETITION : caseType;
    }

    /** A case neither marked complex nor extended (as every case was before those commands). */
    public CaseState(int schemaVersion, String caseId, long version, String trackingCode, String feedbackId, Channel channel,
                     String text, String area, String address, Contact contact, String batchId, Classification classification,
                     String department, CaseStatus status, Instant receivedAt, Instant createdAt, Instant updatedAt,
                     Instant dueAt, String publicAnswer, List<HistoryEntry> history, DeadlineState deadlineState,
                     boolean urgent, CaseType caseType) {
        this(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact, batchId,
                classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                deadlineState, urgent, caseType, false, 0);
    }

    /** A petition on time and not urgent (as every case was before deadline states). */
    public CaseState(int schemaVersion, String caseId, long version, String trackingCode, String feedbackId, Channel channel,
                     String text, String area, String address, Contact contact, String batchId, Classification classification,
                     String department, CaseStatus status, Instant receivedAt, Instant createdAt, Instant updatedAt,
                     Instant dueAt, String publicAnswer, List<HistoryEntry> history) {
        this(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact, batchId,
                classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                DeadlineState.ON_TIME, false, CaseType.PETITION);
    }

    public Category category() {
        return classification == null ? null : classification.category();
    }
}
