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
 * @param caseRef       the tracking code of an earlier case this report is about (a repeat call), or null
 * @param clusterId     the issue this case is one report of (near-duplicates of one area), or null while alone
 * @param risk          the early warning's latest assessment, or null before the first
 * @param rating        the resident's rating of the answer, or null
 * @param photos        the petition's photos, as references into the photo store (empty when it had none)
 * @param answerPhotos  the photo proof the department attached to its answer (empty when none)
 * @param history       its first line, the line that last assigned it and its latest lines; every line is on
 *                      {@code case.history.v1} (older records carry them all)
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
        int extensions,
        String caseRef,
        String clusterId,
        Risk risk,
        Rating rating,
        List<FeedbackReceived.PhotoRef> photos,
        List<FeedbackReceived.PhotoRef> answerPhotos) {

    public static final int SCHEMA_VERSION = 1;

    public CaseState {
        deadlineState = deadlineState == null ? DeadlineState.ON_TIME : deadlineState;
        caseType = caseType == null ? CaseType.PETITION : caseType;
        photos = photos == null ? List.of() : List.copyOf(photos);
        answerPhotos = answerPhotos == null ? List.of() : List.copyOf(answerPhotos);
    }

    /** A case without photos (as every case was before they reached the case). */
    public CaseState(int schemaVersion, String caseId, long version, String trackingCode, String feedbackId, Channel channel,
                     String text, String area, String address, Contact contact, String batchId, Classification classification,
                     String department, CaseStatus status, Instant receivedAt, Instant createdAt, Instant updatedAt,
                     Instant dueAt, String publicAnswer, List<HistoryEntry> history, DeadlineState deadlineState,
                     boolean urgent, CaseType caseType, boolean complex, int extensions, String caseRef, String clusterId,
                     Risk risk, Rating rating) {
        this(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact, batchId,
                classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                deadlineState, urgent, caseType, complex, extensions, caseRef, clusterId, risk, rating, List.of(), List.of());
    }

    /** A case the early warning has not looked at, nobody rated, not about an earlier case. */
    public CaseState(int schemaVersion, String caseId, long version, String trackingCode, String feedbackId, Channel channel,
                     String text, String area, String address, Contact contact, String batchId, Classification classification,
                     String department, CaseStatus status, Instant receivedAt, Instant createdAt, Instant updatedAt,
                     Instant dueAt, String publicAnswer, List<HistoryEntry> history, DeadlineState deadlineState,
                     boolean urgent, CaseType caseType, boolean complex, int extensions) {
        this(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact, batchId,
                classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                deadlineState, urgent, caseType, complex, extensions, null, null, null, null);
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

    /** The same case joined to an issue and assessed (not a new version: the caller decides that). */
    public CaseState withAssessment(String clusterId, Risk risk) {
        return new CaseState(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact,
                batchId, classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                deadlineState, urgent, caseType, complex, extensions, caseRef, clusterId, risk, rating, photos, answerPhotos);
    }

    /** The same case with another history (a bounded part of it: the whole story is on the history topic). */
    public CaseState withHistory(List<HistoryEntry> history) {
        return new CaseState(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact,
                batchId, classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                deadlineState, urgent, caseType, complex, extensions, caseRef, clusterId, risk, rating, photos, answerPhotos);
    }

    /** The same case rated by its resident (not a new version: the caller decides that). */
    public CaseState withRating(Rating rating) {
        return new CaseState(schemaVersion, caseId, version, trackingCode, feedbackId, channel, text, area, address, contact,
                batchId, classification, department, status, receivedAt, createdAt, updatedAt, dueAt, publicAnswer, history,
                deadlineState, urgent, caseType, complex, extensions, caseRef, clusterId, risk, rating, photos, answerPhotos);
    }

    /** Not yet resolved, closed, rejected nor merged (an answered case is open until resolved). */
    public boolean isOpen() {
        return status != null && status.isOpen();
    }

    public Category category() {
        return classification == null ? null : classification.category();
    }
}
