package io.langnghe.search.issues;

import io.langnghe.contracts.Risk;

import java.time.Instant;

/**
 * The issue a case belongs to, as the early warning scores it now: shown on the case page and on its
 * queue line, beside the case. Counts only: no resident of the issue is named.
 *
 * @param risk      the issue's current risk (level, score, reasons), or null before it was first scored
 * @param reports   its reports now, {@code reporters} the distinct residents among them
 * @param changedAt when the early warning last changed it
 */
public record IssueView(String issueId, Risk risk, int reports, int reporters, Instant changedAt) {

    public static IssueView of(IssueDocument issue) {
        return issue == null ? null
                : new IssueView(issue.issueId(), issue.risk(), issue.reports(), issue.reporters(), issue.changedAt());
    }

    /**
     * The risk a member case shows now: its issue's once the issue is scored and indexed, else its own
     * (the risk it had when it joined, or its last assessment), so a forgotten issue leaves its cases as they were.
     */
    public static Risk currentRisk(Risk own, IssueDocument issue) {
        return issue != null && issue.scored() ? issue.risk() : own;
    }
}
