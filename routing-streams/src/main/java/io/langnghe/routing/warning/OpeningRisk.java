package io.langnghe.routing.warning;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Risk;
import io.langnghe.routing.MatchableText;
import io.langnghe.routing.cases.UrgentWords;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The risk a new case's own words and clock decide, put on its first version by the case keeper: the
 * early warning's {@link RiskScore#alone} with the same settings and words, and the spike the early warning
 * last said is in force in its area and category ({@link SpikesInForce}); no issue is known yet. The early
 * warning then tells the case only when its own view differs, instead of sending an {@code assess} command
 * (and a second version of the case) to carry a risk the case already has.
 */
public final class OpeningRisk {

    private final RiskScore riskScore;
    private final WarningWords words;

    public OpeningRisk(WarningSettings settings, WarningWords words) {
        this.riskScore = new RiskScore(settings);
        this.words = words;
    }

    /** With routing/early-warning.yml, taxonomy/warning-words.yml and the urgent phrases of routing/deadlines.yml. */
    public static OpeningRisk loadDefault() {
        return new OpeningRisk(WarningSettings.loadDefault(), WarningWords.loadDefault(UrgentWords.loadDefault()));
    }

    /**
     * Empty when there is nothing to say (a score of 0): the early warning writes no risk of nothing either. The text
     * is the case's, made ready for matching once (the opening reads it for its own phrases too).
     */
    public Optional<Risk> of(CaseState opened, MatchableText text, Instant at, SpikesInForce.Seen spikes) {
        CaseMemo.Signals signals = CaseMemo.signalsOf(opened, words, text);
        List<Spike> spike = spikes.at(opened.area(), opened.category(), at).stream().toList();
        Risk risk = riskScore.alone(signals, WeighedCase.receivedAt(opened), spike, at);
        return risk.score() == 0 ? Optional.empty() : Optional.of(risk);
    }
}
