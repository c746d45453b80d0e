package io.langnghe.faults;

import java.time.Duration;
import java.util.List;

/**
 * What one fault left behind, counted.
 *
 * @param accepted     petitions answered 202
 * @param notAccepted  petitions never answered 202 within the load's patience (not promised, so not lost)
 * @param lost         accepted petitions without their case in cases.v1 or their document in the index
 * @param doubled      accepted petitions with more than one case or document, or a retry answered with another case
 * @param stale        documents whose version is not their case's latest
 * @param caughtUpAfter from the fault's end until every accepted petition was searchable (null: never, within the bound)
 */
public record FaultRow(String fault, int accepted, int notAccepted, long retries, int lost, int doubled, int stale,
                       Duration caughtUpAfter, List<String> examples) {

    public boolean kept() {
        return lost == 0 && doubled == 0 && stale == 0 && caughtUpAfter != null;
    }

    static String header() {
        return String.format("%-30s %9s %8s %8s %5s %8s %6s %16s", "fault", "accepted", "refused", "retries", "lost",
                "doubled", "stale", "caught up after");
    }

    String line() {
        return String.format("%-30s %9d %8d %8d %5d %8d %6d %16s", fault, accepted, notAccepted, retries, lost, doubled,
                stale, caughtUpAfter == null ? "not within bound" : String.format("%.1f s", caughtUpAfter.toMillis() / 1000.0));
    }
}
