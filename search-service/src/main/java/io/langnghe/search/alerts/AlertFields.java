package io.langnghe.search.alerts;

/** Every field name of the alerts index ({@code elasticsearch/alerts-template.json}), in one place. */
public final class AlertFields {
    public static final String ALERT_ID = "alertId";
    public static final String SUBJECT = "subject";
    public static final String LEVEL = "level";
    public static final String RISK_SCORE = "riskScore";
    public static final String REASONS = "reasons";
    public static final String CASE_IDS = "caseIds";
    public static final String DEPARTMENT = "department";
    public static final String AREA = "area";
    public static final String CATEGORY = "category";
    public static final String RAISED_AT = "raisedAt";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";

    private AlertFields() {
    }
}
