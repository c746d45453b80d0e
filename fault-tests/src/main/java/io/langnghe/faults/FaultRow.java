package io.langnghe.faults;

import java.time.Duration;
import java.util.List;

/**
 * What one fault left behind, counted: the residents' petitions, the officer's actions, the early
 * warning's alerts and the deadline watch's marks.
 *
 * @param caughtUpAfter from the fault's end until every accepted petition was searchable (null: never, within the bound)
 * @param examples      a few of the petitions, actions or alerts behind a non-zero count, to start looking from
 */
public record FaultRow(String fault, Petitions petitions, Actions actions, Alerts alerts, Deadlines deadlines,
                       Duration caughtUpAfter, List<String> examples) {

    /**
     * @param accepted answered 202
     * @param refused  never answered 202 within the load's patience (not promised, so not lost)
     * @param lost     accepted without their case in cases.v1 or their document in the index
     * @param doubled  accepted with more than one case or document, or a retry answered with another case
     * @param stale    documents whose version is not their case's latest
     */
    public record Petitions(int accepted, int refused, long retries, int lost, int doubled, int stale) {
    }

    /**
     * @param accepted acknowledgements answered 202
     * @param lost     accepted, but not in the case's history, or without an accepted result
     * @param doubled  applied more than once (two history lines for one command), or results that disagree
     */
    public record Actions(int accepted, long retries, int lost, int doubled) {
    }

    /**
     * @param expected alerts the suite's bursts should have raised (one per fault)
     * @param lost     bursts whose alert never came
     * @param doubled  alerts raised again for a subject and level already alerted before the fault, or twice for one burst
     */
    public record Alerts(int expected, int lost, int doubled) {
    }

    /**
     * @param marked  due-soon and overdue marks on the stack's cases so far
     * @param missed  open cases past their deadline by routing-streams' clock without their overdue mark
     * @param doubled cases with the same mark twice
     */
    public record Deadlines(int marked, int missed, int doubled) {
    }

    /** A fault the suite could not do: a failed row, not the end of the others. */
    static FaultRow notDone(String fault, String why) {
        return new FaultRow(fault + " (not done)", new Petitions(0, 0, 0, 0, 0, 0), new Actions(0, 0, 0, 0),
                new Alerts(0, 0, 0), new Deadlines(0, 0, 0), null, List.of(why));
    }

    public boolean kept() {
        return petitions.lost() == 0 && petitions.doubled() == 0 && petitions.stale() == 0
                && actions.lost() == 0 && actions.doubled() == 0 && alerts.lost() == 0 && alerts.doubled() == 0
                && deadlines.missed() == 0 && deadlines.doubled() == 0
                && caughtUpAfter != null;
    }

    static String header() {
        return String.format("%-30s %9s %8s %8s %5s %8s %6s | %8s %5s %8s | %7s %5s %8s | %6s %7s %8s | %16s", "fault",
                "accepted", "refused", "retries", "lost", "doubled", "stale", "actions", "lost", "doubled", "alerts", "lost",
                "doubled", "marks", "missed", "doubled", "caught up after");
    }

    String line() {
        return String.format("%-30s %9d %8d %8d %5d %8d %6d | %8d %5d %8d | %7d %5d %8d | %6d %7d %8d | %16s", fault,
                petitions.accepted(), petitions.refused(), petitions.retries() + actions.retries(), petitions.lost(),
                petitions.doubled(), petitions.stale(), actions.accepted(), actions.lost(), actions.doubled(), alerts.expected(),
                alerts.lost(), alerts.doubled(), deadlines.marked(), deadlines.missed(), deadlines.doubled(),
                caughtUpAfter == null ? "not within bound" : String.format("%.1f s", caughtUpAfter.toMillis() / 1000.0));
    }
}
