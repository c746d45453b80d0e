package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole current state of a case: value of the compacted {@code cases.v1}, keyed by
 * {@code caseId}. {@code version} grows by one with every change and is the external version of
 * the search index, so an older state never overwrites a newer one.
 * <p>
 * A case is a few named parts, each changed on its own with {@code with…}: the petition as received,
 * its assignment (where and to whom), its clock, the early warning's assessment, its outcome, and its
 * recent history, and, for a letter that held several requests, its link to the cases made of them. On the wire it stays the flat JSON of every earlier version ({@link Wire}), so
 * readers of either version read the other's records.
 *
 * @param history its first line, the line that last assigned it and its latest lines; every line is on
 *                {@code case.history.v1} (older records carry them all)
 */
@JsonSerialize(converter = CaseState.ToWire.class)
@JsonDeserialize(converter = CaseState.FromWire.class)
public record CaseState(
        int schemaVersion,
        String caseId,
        long version,
        Petition petition,
        Assignment assignment,
        Clock clock,
        Assessment assessment,
        Outcome outcome,
        Letter letter,
        List<HistoryEntry> history) {

    public static final int SCHEMA_VERSION = 1;
    /**
     * A header of a {@code cases.v1} record saying what changed: {@value #ASSESSMENT_CHANGE} when the version only
     * carries the early warning's assessment (its issue and risk), so a reader that does not weigh the risk skips
     * it without reading the JSON. Records without it (older ones, every other change) are read as before.
     */
    public static final String CHANGE_HEADER = "langnghe.change";
    public static final String ASSESSMENT_CHANGE = "assessment";

    /** Whether a record's headers say its version only carries an assessment (see {@link #CHANGE_HEADER}). */
    public static boolean isAssessmentChange(Headers headers) {
        Header change = headers == null ? null : headers.lastHeader(CHANGE_HEADER);
        return change != null && change.value() != null
                && ASSESSMENT_CHANGE.equals(new String(change.value(), StandardCharsets.UTF_8));
    }

    public CaseState {
        Objects.requireNonNull(petition, "petition");
        assignment = assignment == null ? Assignment.of(null, null, null) : assignment;
        clock = clock == null ? Clock.started(null) : clock;
        assessment = assessment == null ? Assessment.NONE : assessment;
        outcome = outcome == null ? Outcome.of(null) : outcome;
        letter = letter == null ? Letter.NONE : letter;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new case, version 1, with the history line that opened it. */
    public static CaseState opened(String caseId, Petition petition, Assignment assignment, Clock clock, HistoryEntry first) {
        return new CaseState(SCHEMA_VERSION, caseId, first.version(), petition, assignment, clock, Assessment.NONE,
                Outcome.of(first.status()), Letter.NONE, List.of(first));
    }

    /**
     * The petition as the resident sent it; none of it changes in the case's life.
     *
     * @param caseRef the tracking code of an earlier case this report is about (a repeat call), or null
     * @param photos  the petition's photos, as references into the photo store (empty when it had none)
     */
    public record Petition(String trackingCode, String feedbackId, Channel channel, String text, String address, Contact contact,
                           String batchId, Instant receivedAt, String caseRef, List<FeedbackReceived.PhotoRef> photos) {

        public Petition {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }

        public Petition withContact(Contact contact) {
            return new Petition(trackingCode, feedbackId, channel, text, address, contact, batchId, receivedAt, caseRef, photos);
        }

        /** Without the address given in clear: a sealed contact carries it. */
        public Petition withoutAddress() {
            return new Petition(trackingCode, feedbackId, channel, text, null, contact, batchId, receivedAt, caseRef, photos);
        }
    }

    /**
     * Where the case is and who answers for it.
     *
     * @param caseType petition, or complaint / denunciation on the legal track ({@code petition} when absent)
     */
    public record Assignment(String area, Classification classification, String department, CaseType caseType) {

        public Assignment {
            caseType = caseType == null ? CaseType.PETITION : caseType;
        }

        /** A petition (not on the legal track). */
        public static Assignment of(String area, Classification classification, String department) {
            return new Assignment(area, classification, department, CaseType.PETITION);
        }

        public Assignment withArea(String area) {
            return new Assignment(area, classification, department, caseType);
        }

        public Assignment withClassification(Classification classification) {
            return new Assignment(area, classification, department, caseType);
        }

        public Assignment withDepartment(String department) {
            return new Assignment(area, classification, department, caseType);
        }

        public Assignment withCaseType(CaseType caseType) {
            return new Assignment(area, classification, department, caseType);
        }
    }

    /**
     * The case's time: when it was opened and last acted on, and how it stands against its deadline.
     *
     * @param deadlineState how the case stands against {@code dueAt}; {@code on_time} when absent (older records)
     * @param urgent        an outage, a danger to people, a food poisoning: shorter deadlines
     * @param complex       a complaint marked complex: 45 days to decide instead of 30
     * @param extensions    how many times a denunciation's decision deadline was extended, 0 to 2
     */
    public record Clock(Instant createdAt, Instant updatedAt, Instant dueAt, DeadlineState deadlineState, boolean urgent,
                        boolean complex, int extensions) {

        public Clock {
            deadlineState = deadlineState == null ? DeadlineState.ON_TIME : deadlineState;
        }

        /** Opened at {@code at}, with no deadline yet, not urgent. */
        public static Clock started(Instant at) {
            return new Clock(at, at, null, DeadlineState.ON_TIME, false, false, 0);
        }

        /** Another deadline; a new one starts its clock afresh (on time). */
        public Clock withDueAt(Instant dueAt) {
            DeadlineState state = Objects.equals(dueAt, this.dueAt) ? deadlineState : DeadlineState.ON_TIME;
            return new Clock(createdAt, updatedAt, dueAt, state, urgent, complex, extensions);
        }

        public Clock withUpdatedAt(Instant updatedAt) {
            return new Clock(createdAt, updatedAt, dueAt, deadlineState, urgent, complex, extensions);
        }

        public Clock withDeadlineState(DeadlineState deadlineState) {
            return new Clock(createdAt, updatedAt, dueAt, deadlineState, urgent, complex, extensions);
        }

        public Clock withUrgent(boolean urgent) {
            return new Clock(createdAt, updatedAt, dueAt, deadlineState, urgent, complex, extensions);
        }

        public Clock withComplex(boolean complex) {
            return new Clock(createdAt, updatedAt, dueAt, deadlineState, urgent, complex, extensions);
        }

        public Clock withExtensions(int extensions) {
            return new Clock(createdAt, updatedAt, dueAt, deadlineState, urgent, complex, extensions);
        }
    }

    /**
     * What the early warning found.
     *
     * @param clusterId the issue this case is one report of (near-duplicates of one area), or null while alone
     * @param risk      the latest assessment, or null before the first
     */
    public record Assessment(String clusterId, Risk risk) {

        public static final Assessment NONE = new Assessment(null, null);
    }

    /**
     * Where the case stands and what the ward and the resident said of it.
     *
     * @param publicAnswer the ward's answer to the resident, or null
     * @param answerPhotos the photo proof the department attached to its answer (empty when none)
     * @param rating       the resident's rating of the answer, or null
     */
    public record Outcome(CaseStatus status, String publicAnswer, List<FeedbackReceived.PhotoRef> answerPhotos, Rating rating) {

        public Outcome {
            answerPhotos = answerPhotos == null ? List.of() : List.copyOf(answerPhotos);
        }

        /** In that status, not answered nor rated yet. */
        public static Outcome of(CaseStatus status) {
            return new Outcome(status, null, List.of(), null);
        }

        public Outcome withStatus(CaseStatus status) {
            return new Outcome(status, publicAnswer, answerPhotos, rating);
        }

        /** A new answer replaces the earlier one, its proof included: an answer without photos clears them. */
        public Outcome withAnswer(String publicAnswer, List<FeedbackReceived.PhotoRef> answerPhotos) {
            return new Outcome(status, publicAnswer, answerPhotos, rating);
        }

        public Outcome withRating(Rating rating) {
            return new Outcome(status, publicAnswer, answerPhotos, rating);
        }
    }

    /**
     * How the case stands to a letter that held several requests: a request of one, or the letter itself.
     *
     * @param letterId the letter this case is one request of, or null
     * @param index    its place in that letter, from 1 (0 when it is no letter's request)
     * @param children the cases made of this letter's requests, in the order they were accepted (empty for any other case)
     */
    public record Letter(String letterId, int index, List<Child> children) {

        public static final Letter NONE = new Letter(null, 0, List.of());

        public Letter {
            children = children == null ? List.of() : List.copyOf(children);
        }

        /** One request of that letter. */
        public static Letter requestOf(String letterId, int index) {
            return new Letter(letterId, index, List.of());
        }

        public Letter withChildren(List<Child> more) {
            List<Child> all = new ArrayList<>(children);
            all.addAll(more);
            return new Letter(letterId, index, all);
        }

        public boolean isRequest() {
            return letterId != null;
        }

        /** Whether the request of that index already became a case. */
        public boolean accepted(int requestIndex) {
            return children.stream().anyMatch(c -> c.index() == requestIndex);
        }
    }

    /** A case made of one request of the letter: the request's index, the case, the department it went to. */
    public record Child(int index, String caseId, String department) {
    }

    /** The case of a letter's request: the letter's id and the request's index, so accepting twice opens it once. */
    public static String childId(String letterId, int index) {
        return letterId + "-" + index;
    }

    public CaseState withLetter(Letter letter) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    public CaseState withVersion(long version) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    public CaseState withPetition(Petition petition) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    public CaseState withAssignment(Assignment assignment) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    public CaseState withClock(Clock clock) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    public CaseState withOutcome(Outcome outcome) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    /** The same case joined to an issue and assessed (not a new version: the caller decides that). */
    public CaseState withAssessment(String clusterId, Risk risk) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, new Assessment(clusterId, risk), outcome, letter, history);
    }

    /** The same case with another history (a bounded part of it: the whole story is on the history topic). */
    public CaseState withHistory(List<HistoryEntry> history) {
        return new CaseState(schemaVersion, caseId, version, petition, assignment, clock, assessment, outcome, letter, history);
    }

    /** The next version: the line's version, and the line at the end of the history. */
    public CaseState withLine(HistoryEntry line) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(line);
        return new CaseState(schemaVersion, caseId, line.version(), petition, assignment, clock, assessment, outcome, letter, longer);
    }

    public CaseState withStatus(CaseStatus status) {
        return withOutcome(outcome.withStatus(status));
    }

    public CaseState withDepartment(String department) {
        return withAssignment(assignment.withDepartment(department));
    }

    public CaseState withClassification(Classification classification) {
        return withAssignment(assignment.withClassification(classification));
    }

    public CaseState withDueAt(Instant dueAt) {
        return withClock(clock.withDueAt(dueAt));
    }

    /** The same case rated by its resident (not a new version: the caller decides that). */
    public CaseState withRating(Rating rating) {
        return withOutcome(outcome.withRating(rating));
    }

    /** Not yet resolved, closed, rejected nor merged (an answered case is open until resolved). */
    public boolean isOpen() {
        return status() != null && status().isOpen();
    }

    public Category category() {
        return classification() == null ? null : classification().category();
    }

    // Shortcuts to the parts' fields, for the many readers that need one of them.

    public String trackingCode() {
        return petition.trackingCode();
    }

    public String feedbackId() {
        return petition.feedbackId();
    }

    public Channel channel() {
        return petition.channel();
    }

    public String text() {
        return petition.text();
    }

    public String address() {
        return petition.address();
    }

    public Contact contact() {
        return petition.contact();
    }

    public String batchId() {
        return petition.batchId();
    }

    public Instant receivedAt() {
        return petition.receivedAt();
    }

    public String caseRef() {
        return petition.caseRef();
    }

    public List<FeedbackReceived.PhotoRef> photos() {
        return petition.photos();
    }

    public String area() {
        return assignment.area();
    }

    public Classification classification() {
        return assignment.classification();
    }

    public String department() {
        return assignment.department();
    }

    public CaseType caseType() {
        return assignment.caseType();
    }

    public Instant createdAt() {
        return clock.createdAt();
    }

    public Instant updatedAt() {
        return clock.updatedAt();
    }

    public Instant dueAt() {
        return clock.dueAt();
    }

    public DeadlineState deadlineState() {
        return clock.deadlineState();
    }

    public boolean urgent() {
        return clock.urgent();
    }

    public boolean complex() {
        return clock.complex();
    }

    public int extensions() {
        return clock.extensions();
    }

    public String clusterId() {
        return assessment.clusterId();
    }

    public Risk risk() {
        return assessment.risk();
    }

    public CaseStatus status() {
        return outcome.status();
    }

    public String publicAnswer() {
        return outcome.publicAnswer();
    }

    public List<FeedbackReceived.PhotoRef> answerPhotos() {
        return outcome.answerPhotos();
    }

    public Rating rating() {
        return outcome.rating();
    }

    /**
     * The case as JSON has always carried it: one flat object. Absent fields of older records take
     * their defaults (on time, a petition, no photos, not complex, never extended).
     */
    public record Wire(
            int schemaVersion, String caseId, long version, String trackingCode, String feedbackId, Channel channel, String text,
            String area, String address, Contact contact, String batchId, Classification classification, String department,
            CaseStatus status, Instant receivedAt, Instant createdAt, Instant updatedAt, Instant dueAt, String publicAnswer,
            List<HistoryEntry> history, DeadlineState deadlineState, boolean urgent, CaseType caseType, boolean complex,
            int extensions, String caseRef, String clusterId, Risk risk, Rating rating, List<FeedbackReceived.PhotoRef> photos,
            List<FeedbackReceived.PhotoRef> answerPhotos,
            @JsonInclude(JsonInclude.Include.NON_NULL) String letterId,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int requestIndex,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Child> children) {

        static Wire of(CaseState c) {
            return new Wire(c.schemaVersion, c.caseId, c.version, c.trackingCode(), c.feedbackId(), c.channel(), c.text(), c.area(),
                    c.address(), c.contact(), c.batchId(), c.classification(), c.department(), c.status(), c.receivedAt(),
                    c.createdAt(), c.updatedAt(), c.dueAt(), c.publicAnswer(), c.history, c.deadlineState(), c.urgent(),
                    c.caseType(), c.complex(), c.extensions(), c.caseRef(), c.clusterId(), c.risk(), c.rating(), c.photos(),
                    c.answerPhotos(), c.letter.letterId(), c.letter.index(), c.letter.children());
        }

        /** Written as {@code open} as it always was, for readers of the JSON; ignored when read. */
        public boolean isOpen() {
            return status != null && status.isOpen();
        }

        CaseState toCase() {
            return new CaseState(schemaVersion, caseId, version,
                    new Petition(trackingCode, feedbackId, channel, text, address, contact, batchId, receivedAt, caseRef, photos),
                    new Assignment(area, classification, department, caseType),
                    new Clock(createdAt, updatedAt, dueAt, deadlineState, urgent, complex, extensions),
                    new Assessment(clusterId, risk),
                    new Outcome(status, publicAnswer, answerPhotos, rating),
                    new Letter(letterId, requestIndex, children),
                    history);
        }
    }

    public static final class ToWire extends StdConverter<CaseState, Wire> {
        @Override
        public Wire convert(CaseState value) {
            return Wire.of(value);
        }
    }

    public static final class FromWire extends StdConverter<Wire, CaseState> {
        @Override
        public CaseState convert(Wire value) {
            return value.toCase();
        }
    }
}
