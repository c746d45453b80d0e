package io.langnghe.search.clusters;

import io.langnghe.search.cases.CodeName;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueView;

import java.time.Instant;
import java.util.List;

/**
 * The largest issues now: open cases grouped by the cluster the early warning joined them to,
 * biggest first.
 *
 * @param clusters at most {@code ClusterReader.TOP} issues
 */
public record ClusterSizes(Instant at, List<Cluster> clusters) {

    /**
     * @param area         where most of its reports are
     * @param category     what most of its reports are about
     * @param department   who holds most of them
     * @param openReports  its open cases (of the caller's department only, for an officer)
     * @param maxRiskScore the highest risk score among them, or null before any assessment
     * @param issue        the issue as the early warning scores it now (its current risk and size), or null when not indexed
     */
    public record Cluster(String clusterId, long openReports, CodeName area, CodeName category, CodeName department,
                          Integer maxRiskScore, Instant firstReportedAt, Instant lastReportedAt, IssueView issue) {

        Cluster withIssue(IssueDocument current) {
            return new Cluster(clusterId, openReports, area, category, department, maxRiskScore, firstReportedAt, lastReportedAt,
                    IssueView.of(current));
        }
    }
}
