package io.langnghe.routing.warning;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.SpikeInForce;

/**
 * What the early warning says: an alert (keyed by its id), an assessment of a case (keyed by the case id),
 * a spike in force or over (keyed by its area and category), or an issue as it now stands (keyed by the
 * issue id; none once the issue is forgotten: its tombstone).
 */
public record WarningOutput(Alert alert, CaseCommand assessment, IssueState issue, Spiking spike) {

    /** A spike of an area and category: in force, or over ({@code inForce} null, its tombstone). */
    public record Spiking(SpikeInForce inForce) {
    }

    static WarningOutput of(Alert alert) {
        return new WarningOutput(alert, null, null, null);
    }

    static WarningOutput of(CaseCommand assessment) {
        return new WarningOutput(null, assessment, null, null);
    }

    static WarningOutput of(IssueState issue) {
        return new WarningOutput(null, null, issue, null);
    }

    static WarningOutput spike(SpikeInForce inForceOrNull) {
        return new WarningOutput(null, null, null, new Spiking(inForceOrNull));
    }

    static WarningOutput issueForgotten() {
        return new WarningOutput(null, null, null, null);
    }
}
