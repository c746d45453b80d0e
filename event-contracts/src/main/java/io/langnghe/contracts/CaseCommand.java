package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An officer's or the system's action on a case: value of {@code case.commands.v1}, keyed by
 * {@code caseId}. Built with {@link #of} (or {@link #assess}, {@link #rate}) and {@code with…} for what the
 * type carries; every field a type does not use stays absent on the wire.
 *
 * @param department target department for reassign, otherwise null
 * @param text       public answer for answer, reason for reject/reassign/undo_legal_track/extend_deadline, the case type
 *                   for confirm_legal_track of a petition, otherwise an optional note
 * @param category   for reassign: the category the case really belongs to, when the officer says so
 *                   (optional; it becomes a correction the classifier learns from)
 * @param assessment for assess: the issue the case belongs to and its risk (from the early warning)
 * @param rating     for rate: the resident's rating of the answer
 * @param photos     for answer: the photo proof, references into the photo store (optional, at most 3; empty when absent)
 * @param area       for confirm_place: the area the officer confirms (text: the words of the petition that name it, optional)
 * @param requests   for accept_requests: the letter's requests to accept, by their index (empty: every one not yet accepted)
 * @param request    for open_request: the letter's request that becomes a case of its own
 * @param contact    for seal_contact: the case's contact sealed under its own key, replacing one written in clear
 */
public record CaseCommand(
        int schemaVersion,
        String commandId,
        String caseId,
        Type type,
        Actor actor,
        String department,
        String targetCaseId,
        String text,
        Instant issuedAt,
        Category category,
        Assessment assessment,
        Rating rating,
        List<FeedbackReceived.PhotoRef> photos,
        String area,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> requests,
        @JsonInclude(JsonInclude.Include.NON_NULL) LetterRequest request,
        @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact) {

    public static final int SCHEMA_VERSION = 1;

    public CaseCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /**
     * A command of that type, carrying nothing more yet: add what it needs with the {@code with…} methods,
     * e.g. {@code CaseCommand.of(id, caseId, Type.REASSIGN, actor, now).withDepartment("cong_an").withText(reason)}.
     */
    public static CaseCommand of(String commandId, String caseId, Type type, Actor actor, Instant issuedAt) {
        return new CaseCommand(SCHEMA_VERSION, commandId, caseId, type, actor, null, null, null, issuedAt, null, null, null,
                List.of(), null, List.of(), null, null);
    }

    /** The early warning's assessment of a case: its issue and its risk. */
    public static CaseCommand assess(String commandId, String caseId, Actor system, Instant issuedAt, Assessment assessment) {
        return of(commandId, caseId, Type.ASSESS, system, issuedAt).withAssessment(assessment);
    }

    /** The resident's rating of the answer. */
    public static CaseCommand rate(String commandId, String caseId, Actor resident, Instant issuedAt, Rating rating) {
        return of(commandId, caseId, Type.RATE, resident, issuedAt).withRating(rating);
    }

    public CaseCommand withDepartment(String department) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withTargetCaseId(String targetCaseId) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withText(String text) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withCategory(Category category) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withAssessment(Assessment assessment) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withRating(Rating rating) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withPhotos(List<FeedbackReceived.PhotoRef> photos) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    public CaseCommand withArea(String area) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    /** Accepts the letter's requests, by their index (empty: every one not yet accepted), as cases of their own. */
    public CaseCommand withRequests(List<Integer> requests) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area, requests, request, contact);
    }

    /**
     * Replaces the clear contact (and address) of a case written before contacts were sealed by the same
     * contact sealed under the case's own key: the migration's command (SYSTEM).
     */
    public static CaseCommand sealContact(String caseId, Actor system, Instant issuedAt, Contact sealed) {
        return new CaseCommand(SCHEMA_VERSION, "seal-contact:" + caseId, caseId, Type.SEAL_CONTACT, system, null, null, null, issuedAt,
                null, null, null, List.of(), null, List.of(), null, sealed);
    }

    /** Opens the case of one request of a letter (the case keeper of the letter sends it, keyed by the new case). */
    public static CaseCommand openRequest(String caseId, Actor system, Instant issuedAt, LetterRequest request) {
        return new CaseCommand(SCHEMA_VERSION, "open-request:" + caseId, caseId, Type.OPEN_REQUEST, system, request.department(), null,
                request.text(), issuedAt, request.category(), null, null, List.of(), request.area(), List.of(), request, null);
    }

    /**
     * One request of a letter, accepted by an officer as a case of its own: what the new case is opened with.
     *
     * @param letterId    the letter's case
     * @param index       the request's place in the letter, from 1
     * @param acceptedBy  the officer or leader who accepted it
     * @param contactHash the letter's resident, so the early warning counts them as one reporter (or null)
     */
    public record LetterRequest(String letterId, int index, String text, Category category, String department, String area,
                                Channel channel, Instant receivedAt, String acceptedBy, String contactHash) {
    }

    /** What the early warning found: the issue (cluster) the case is a report of, or null, and the case's risk. */
    public record Assessment(String clusterId, Risk risk) {
    }

    /** Who acts: the user name, the role and, for officers, their department. */
    public record Actor(String username, String role, String department) {
    }

    public enum Type {
        ACKNOWLEDGE("acknowledge"),
        START("start"),
        ANSWER("answer"),
        RESOLVE("resolve"),
        REASSIGN("reassign"),
        RETURN_TO_TRIAGE("return_to_triage"),
        REJECT("reject"),
        REOPEN("reopen"),
        MERGE("merge"),
        /** The case is a complaint or a denunciation (text: "complaint" or "denunciation" to put a petition on the track). */
        CONFIRM_LEGAL_TRACK("confirm_legal_track"),
        /** The case is an ordinary petition after all (text: the reason). */
        UNDO_LEGAL_TRACK("undo_legal_track"),
        /** A complaint is complex: 45 days to decide instead of 30. */
        MARK_COMPLEX("mark_complex"),
        /** A denunciation's decision deadline is extended by 30 days, at most twice (text: the reason). */
        EXTEND_DEADLINE("extend_deadline"),
        /** A resolved case is closed. */
        CLOSE("close"),
        /** The case is not the same problem as its issue: it leaves the issue (text: the reason, optional). */
        SPLIT("split"),
        /**
         * The officer confirms or corrects where the case is (area: the area; text: the petition's words that name
         * it, optional): the place resolver learns those words.
         */
        CONFIRM_PLACE("confirm_place"),
        /** The early warning (role SYSTEM) joins the case to an issue and scores its risk; the status does not change. */
        ASSESS("assess"),
        /** The resident (role RESIDENT, through the tracking code) rates the answer; "not fixed" reopens the case. */
        RATE("rate"),
        /** A letter's proposed requests become cases of their own (requests: which ones, by index; all when empty). */
        ACCEPT_REQUESTS("accept_requests"),
        /** (SYSTEM) Opens the case of one accepted request of a letter, keyed by the new case. */
        OPEN_REQUEST("open_request"),
        /** A case made of a letter's request goes back into the letter: it closes as merged (text: the reason, optional). */
        MERGE_BACK("merge_back"),
        /** (SYSTEM) A case written before sealing gets its contact sealed (contact: the sealed form); nothing else changes. */
        SEAL_CONTACT("seal_contact");

        private static final Map<String, Type> BY_CODE = Codes.byCode(values(), t -> t.code);

        private final String code;

        Type(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        static Type of(String code) {
            return Optional.ofNullable(BY_CODE.get(code))
                    .orElseThrow(() -> new IllegalArgumentException("unknown command: " + code));
        }
    }
}
