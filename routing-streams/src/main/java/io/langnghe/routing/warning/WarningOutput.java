package io.langnghe.routing.warning;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand;

/** What the early warning says: an alert (keyed by its id), or an assessment of a case (keyed by the case id). */
public record WarningOutput(Alert alert, CaseCommand assessment) {
}
