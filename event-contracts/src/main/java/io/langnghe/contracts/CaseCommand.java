package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
        String area) {

    public static final int SCHEMA_VERSION = 1;

    public CaseCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /**
     * A command of that type, carrying nothing more yet: add what it needs with the {@code with…} methods,
     * e.g. {@code CaseCommand.of(id, caseId, Type.REASSIGN, actor, now).withDepartment("cong_an").withText(reason)}.
     */
    public static CaseCommand of(String commandId, String caseId, Type type, Actor actor, Instant issuedAt) {
        return new CaseCommand(SCHEMA_VERSION, commandId, caseId, type, actor, null, null, null, issuedAt, null, null, null,
                List.of(), null);
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
                assessment, rating, photos, area);
    }

    public CaseCommand withTargetCaseId(String targetCaseId) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
    }

    public CaseCommand withText(String text) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
    }

    public CaseCommand withCategory(Category category) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
    }

    public CaseCommand withAssessment(Assessment assessment) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
    }

    public CaseCommand withRating(Rating rating) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
    }

    public CaseCommand withPhotos(List<FeedbackReceived.PhotoRef> photos) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
    }

    public CaseCommand withArea(String area) {
        return new CaseCommand(schemaVersion, commandId, caseId, type, actor, department, targetCaseId, text, issuedAt, category,
                assessment, rating, photos, area);
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
        RATE("rate");

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
            return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown command: " + code));
        }
    }
}
