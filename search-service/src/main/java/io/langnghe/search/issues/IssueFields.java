package io.langnghe.search.issues;

/** Every field name of the issues index ({@code elasticsearch/issues-template.json}), in one place. */
public final class IssueFields {
    public static final String ISSUE_ID = "issueId";
    public static final String VERSION = "version";
    public static final String RISK = "risk";
    public static final String RISK_SCORE = "risk.score";
    public static final String REPORTS = "reports";
    public static final String REPORTERS = "reporters";
    public static final String WARD = "ward";
    public static final String DEPARTMENT = "department";
    public static final String AREA = "area";
    public static final String CATEGORY = "category";
    public static final String CHANGED_AT = "changedAt";

    private IssueFields() {
    }
}
