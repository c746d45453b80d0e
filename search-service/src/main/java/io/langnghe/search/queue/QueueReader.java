package io.langnghe.search.queue;

import io.langnghe.search.cases.CaseQuery;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueReader;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * One page of a department's queue ordered by the risk that counts now. Three reads per page, whatever
 * the size of its issues: the issues among the queue's cases (one aggregation), their current scores
 * (one mget), then the page ordered with them. A level change is one issue document, never a new
 * version of each member case.
 */
@Singleton
public class QueueReader {

    private final CaseReader cases;
    private final IssueReader issues;

    public QueueReader(CaseReader cases, IssueReader issues) {
        this.cases = cases;
        this.issues = issues;
    }

    /** A page of cases, and the issues (as indexed now) that they and the rest of the queue belong to. */
    public record Lines(CaseReader.Found found, Map<String, IssueDocument> issues) {

        public IssueDocument issueOf(CaseDocument doc) {
            return doc.clusterId() == null ? null : issues.get(doc.clusterId());
        }
    }

    public Lines read(CaseQuery query, String department) {
        Map<String, IssueDocument> current = issues.current(cases.issuesInQueue(query, department));
        Map<String, Integer> scores = new HashMap<>();
        current.values().stream().filter(IssueDocument::scored).forEach(issue -> scores.put(issue.issueId(), issue.risk().score()));
        return new Lines(cases.queue(query, department, scores), current);
    }
}
