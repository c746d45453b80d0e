package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.MatchableText;
import io.langnghe.routing.intake.Routing;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.warning.OpeningRisk;
import io.langnghe.routing.warning.SpikesInForce;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns a routed petition into a case: version 1, assigned to the chosen department (or, for a
 * complaint or a denunciation, to the triage desk, on the legal track), urgent when an urgent phrase
 * says so, with its due date, the petition's photos and the first line of its history. A petition sent
 * without an area takes the one its words name (the routing's place), so every channel's cases have one. The case id is the feedback id, so a petition replayed
 * after a failure opens the same case, not a second one. The first version carries the risk its own words
 * decide ({@link OpeningRisk}, the early warning's score of a case alone, with the spike it said is in force),
 * so a lone case needs no second version to carry it.
 */
public final class CaseOpening {

    public static final String ACTOR = "routing-streams";

    private final Deadlines deadlines;
    private final UrgentWords urgentWords;
    private final LegalTrack legalTrack;
    private final String triageDepartment;
    private final OpeningRisk openingRisk;

    public CaseOpening(Deadlines deadlines, UrgentWords urgentWords, LegalTrack legalTrack, String triageDepartment,
                       OpeningRisk openingRisk) {
        this.deadlines = deadlines;
        this.urgentWords = urgentWords;
        this.legalTrack = legalTrack;
        this.triageDepartment = triageDepartment;
        this.openingRisk = openingRisk;
    }

    /** With the phrases of routing/deadlines.yml and routing/legal.yml, the taxonomy's triage desk and the early warning's settings. */
    public CaseOpening(Deadlines deadlines) {
        this(deadlines, UrgentWords.loadDefault(), LegalTrack.loadDefault(), Taxonomy.loadDefault().triageDepartment(),
                OpeningRisk.loadDefault());
    }

    public CaseState open(FeedbackReceived petition, Routing routing, Instant at) {
        return open(petition, routing, at, SpikesInForce.NONE);
    }

    /** As above, the risk with the spike the early warning said is in force in the case's area and category. */
    public CaseState open(FeedbackReceived petition, Routing routing, Instant at, SpikesInForce.Seen spikes) {
        // normalised and folded once for the urgent words, the legal track and the opening risk
        MatchableText text = MatchableText.of(petition.text());
        Optional<String> urgent = urgentWords.find(text);
        Optional<LegalTrack.Flag> legal = legalTrack.find(text);
        // A complaint or a denunciation goes to the triage desk, whatever its subject: the law's procedure comes first.
        String department = legal.isPresent() ? triageDepartment : routing.department();
        CaseType type = legal.map(LegalTrack.Flag::type).orElse(CaseType.PETITION);
        String note = legal.map(flag -> "→ " + triageDepartment + "; " + flag.type().code() + ": " + flag.phrase()).orElse(routing.note())
                + urgent.map(phrase -> "; khẩn / urgent: " + phrase).orElse("");
        HistoryEntry routed = new HistoryEntry(1, at, ACTOR, "routed", CaseStatus.ASSIGNED, note);
        String area = petition.area() != null ? petition.area() : routing.place() == null ? null : routing.place().area();
        Category category = routing.classification() == null ? null : routing.classification().category();
        CaseState opened = CaseState.opened(petition.feedbackId(),
                new CaseState.Petition(petition.trackingCode(), petition.feedbackId(), petition.channel(), petition.text(),
                        petition.address(), petition.contact(), petition.batchId(), petition.receivedAt(), petition.caseRef(),
                        petition.photos()),
                new CaseState.Assignment(area, routing.classification(), department, type),
                CaseState.Clock.started(at).withUrgent(urgent.isPresent()).withDueAt(deadlines.opened(at, category, urgent.isPresent(), type)),
                routed);
        return openingRisk.of(opened, text, at, spikes).map(risk -> opened.withAssessment(null, risk)).orElse(opened);
    }
}
