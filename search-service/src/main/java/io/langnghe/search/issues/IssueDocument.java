package io.langnghe.search.issues;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.Risk;

import java.time.Instant;

import static io.langnghe.search.issues.IssueFields.*;

/** An issue as stored: its current risk and size, never the list (or the residents) of its reports. */
public record IssueDocument(
        @JsonProperty(ISSUE_ID) String issueId,
        @JsonProperty(VERSION) long version,
        @JsonProperty(RISK) Risk risk,
        @JsonProperty(REPORTS) int reports,
        @JsonProperty(REPORTERS) int reporters,
        @JsonProperty(WARD) String ward,
        @JsonProperty(DEPARTMENT) String department,
        @JsonProperty(AREA) String area,
        @JsonProperty(CATEGORY) Category category,
        @JsonProperty(CHANGED_AT) Instant changedAt) {

    public static IssueDocument of(IssueState issue) {
        return new IssueDocument(issue.issueId(), issue.version(), issue.risk(), issue.reports(), issue.reporters(),
                issue.ward(), issue.department(), issue.area(), issue.category(), issue.changedAt());
    }

    /** Whether the early warning has scored it: only then does its risk replace its cases' own. */
    public boolean scored() {
        return risk != null;
    }
}
