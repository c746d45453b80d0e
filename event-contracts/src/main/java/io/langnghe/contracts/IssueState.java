package io.langnghe.contracts;

import java.time.Instant;

/**
 * One issue as the early warning scores it now: value of {@code issues.v1}, keyed by {@code issueId}
 * (compacted; a tombstone once the issue is forgotten). Its cases carry the issue's id and the risk
 * they joined with; the issue's current risk is read from here, so a level change is one record, not
 * a new version of every member case.
 * <p>
 * Bounded whatever the size of the issue: counts, never the list of its cases.
 *
 * @param version   1 for the issue's first record, one more for each change: the index's external version
 * @param risk      the issue's risk now, with its reasons
 * @param reports   its reports (those split off excepted), {@code reporters} the distinct residents among them
 * @param ward      the ward whose early warning keeps it (the taxonomy's code)
 * @param department the department of its latest report, which an officer scope filters on
 * @param changedAt the time of the report or change that made this version (stream time)
 */
public record IssueState(
        int schemaVersion,
        String issueId,
        long version,
        Risk risk,
        int reports,
        int reporters,
        String ward,
        String department,
        String area,
        Category category,
        Instant changedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The issue as it was first seen, before its first change. */
    public static IssueState started(String issueId, String ward) {
        return new IssueState(SCHEMA_VERSION, issueId, 0, null, 0, 0, ward, null, null, null, null);
    }

    /** The next version: the risk and counts now, where its latest report is, and when. */
    public IssueState changed(Risk risk, int reports, int reporters, String department, String area, Category category, Instant at) {
        return new IssueState(schemaVersion, issueId, version + 1, risk, reports, reporters, ward, department, area, category, at);
    }

    /** The issue's level, {@code none} before it was first scored. */
    public String level() {
        return risk == null ? "none" : risk.level();
    }
}
