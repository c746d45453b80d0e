package io.langnghe.routing.warning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.Risk;
import io.langnghe.routing.MatchableText;

import java.time.Instant;
import java.util.Objects;

/**
 * What the early warning keeps of a case: enough to compare, count and score it, without the
 * resident's name or phone (the reporter is the contact's hash).
 *
 * @param reporter     the hashed contact, or "case:<id>" when the resident left none (each such case is its own reporter)
 * @param receivedAt   when the case opened, by its record's time (as every time the early warning compares)
 * @param lastActionAt the ward's last action on it (opening counts; deadline marks and assessments do not)
 * @param reopened     reopened at least once (by an officer, a leader, or the resident's "not fixed")
 * @param fingerprint  the report's text, compared once when it opens (then kept in the look-alike index): null in the
 *                     store, where it was most of a memo's 1.7 KB ({@link #kept()})
 * @param clusterId    the issue it was joined to, and {@code risk} its last assessment: what the early
 *                     warning asked for, which the case will carry once the command is applied
 */
public record CaseMemo(
        String caseId,
        String trackingCode,
        String area,
        Category category,
        String department,
        CaseStatus status,
        DeadlineState deadlineState,
        boolean urgent,
        String reporter,
        Instant receivedAt,
        Instant lastActionAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Fingerprint fingerprint,
        WarningWords.Found words,
        boolean reopened,
        String clusterId,
        Risk risk) {

    /** A case new to the early warning, with the risk it already carries when it is in no issue (its own, from opening). */
    static CaseMemo of(WeighedCase c, WarningWords words) {
        MatchableText text = MatchableText.of(c.text());
        return new CaseMemo(c.caseId(), c.trackingCode(), c.area(), c.category(), c.department(), c.status(), c.deadlineState(),
                c.urgent(), c.reporter(), c.receivedAt(), c.lastActionAt(),
                Fingerprint.of(text), words.find(text), c.status() == CaseStatus.REOPENED, null,
                c.clusterId() == null ? c.risk() : null);
    }

    /** What the risk score reads of a case, straight from it: as {@code of(c, words).signals()}, without the fingerprint. */
    static Signals signalsOf(CaseState c, WarningWords words, MatchableText text) {
        return new Signals(c.status() != null && c.status().isOpen(), c.status() == CaseStatus.REOPENED, words.find(text),
                c.deadlineState(), WeighedCase.lastActionAt(c), c.urgent());
    }

    /** The same case after a change: where it stands now; its words, reporter and issue stay. */
    CaseMemo updated(WeighedCase c) {
        return new CaseMemo(caseId, trackingCode, c.area(), c.category(), c.department(), c.status(), c.deadlineState(), c.urgent(),
                reporter, receivedAt, c.lastActionAt(), fingerprint, words, reopened || c.status() == CaseStatus.REOPENED, clusterId, risk);
    }

    CaseMemo assessed(String clusterId, Risk risk) {
        return new CaseMemo(caseId, trackingCode, area, category, department, status, deadlineState, urgent, reporter, receivedAt,
                lastActionAt, fingerprint, words, reopened, clusterId, risk);
    }

    /** As the store keeps it: without the fingerprint, which only the report's own opening compares. */
    CaseMemo kept() {
        return fingerprint == null ? this : new CaseMemo(caseId, trackingCode, area, category, department, status, deadlineState, urgent,
                reporter, receivedAt, lastActionAt, null, words, reopened, clusterId, risk);
    }

    boolean isOpen() {
        return status != null && status.isOpen();
    }

    /**
     * What the risk score reads of a case, kept with each report of an issue so that scoring an issue
     * reads no other case.
     */
    public record Signals(boolean open, boolean reopened, WarningWords.Found words, DeadlineState deadlineState,
                          Instant lastActionAt, boolean urgent) {
    }

    Signals signals() {
        return new Signals(isOpen(), reopened, words, deadlineState, lastActionAt, urgent);
    }

    /** Nothing the early warning weighs changed (an assessment coming back changes nothing of it). */
    boolean sameSituation(CaseMemo other) {
        return other != null && signals().equals(other.signals()) && Objects.equals(area, other.area) && category == other.category
                && Objects.equals(department, other.department) && status == other.status;
    }
}
