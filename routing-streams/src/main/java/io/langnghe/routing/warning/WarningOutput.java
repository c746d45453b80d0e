package io.langnghe.routing.warning;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.IssueState;

/**
 * What the early warning says: an alert (keyed by its id), an assessment of a case (keyed by the case id),
 * or an issue as it now stands (keyed by the issue id; none once the issue is forgotten: its tombstone).
 */
public record WarningOutput(Alert alert, CaseCommand assessment, IssueState issue) {

    static WarningOutput of(Alert alert) {
        return new WarningOutput(alert, null, null);
    }

    static WarningOutput of(CaseCommand assessment) {
        return new WarningOutput(null, assessment, null);
    }

    static WarningOutput of(IssueState issue) {
        return new WarningOutput(null, null, issue);
    }

    static WarningOutput issueForgotten() {
        return new WarningOutput(null, null, null);
    }
}
