package io.langnghe.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A problem injected into the background with a known start: its reports, and how the officers
 * treat its cases.
 */
public record Incident(String name, String description, List<SimPetition> reports, Officers officers) {

    /** How the simulated officers treat the incident's cases. */
    public enum Officers {
        /** as every other case: acknowledged within hours, answered and resolved within days */
        AS_USUAL,
        /** acknowledged, then left: the case runs past its deadline */
        ACKNOWLEDGE_ONLY
    }

    public Instant start() {
        return reports.get(0).at();
    }

    /** The third report, from which an alert is due within 24 hours. */
    public Instant thirdReport() {
        return reports.get(Math.min(2, reports.size() - 1)).at();
    }
}
