package io.langnghe.search.queue;

import io.langnghe.search.cases.CaseQuery;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueReader;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Objects;

/**
 * One page of a department's queue ordered by the risk that counts now. Four reads per page, whatever
 * the size of its issues: the issues among the queue's cases (one aggregation), their current scores
 * (doc values only), the page ordered with them, and the page's own issues (one mget). A level change
 * is one issue document, never a new version of each member case.
 */
@Singleton
public class QueueReader {

    private final CaseReader cases;
    private final IssueReader issues;

    public QueueReader(CaseReader cases, IssueReader issues) {
        this.cases = cases;
        this.issues = issues;
    }

    /** A page of cases, and the issues (as indexed now) that they belong to. */
    public record Lines(CaseReader.Found found, Map<String, IssueDocument> issues) {

        public IssueDocument issueOf(CaseDocument doc) {
            return doc.clusterId() == null ? null : issues.get(doc.clusterId());
        }
    }

    public Lines read(CaseQuery query, String department) {
        CaseReader.Found found = cases.queue(query, department, issues.scores(cases.issuesInQueue(query, department)));
        // the page's own issues whole (risk, reasons, size): at most a page of them
        return new Lines(found, issues.current(found.cases().stream().map(CaseDocument::clusterId).filter(Objects::nonNull).toList()));
    }
}
