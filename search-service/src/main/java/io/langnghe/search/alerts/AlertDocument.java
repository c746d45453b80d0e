package io.langnghe.search.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.Category;

import java.time.Instant;
import java.util.List;

import static io.langnghe.search.alerts.AlertFields.*;

/** An alert as stored: as raised, and whether someone has taken it in hand. */
public record AlertDocument(
        @JsonProperty(ALERT_ID) String alertId,
        @JsonProperty(SUBJECT) String subject,
        @JsonProperty(LEVEL) String level,
        @JsonProperty(RISK_SCORE) int riskScore,
        @JsonProperty(REASONS) List<Alert.Reason> reasons,
        @JsonProperty(CASE_IDS) List<String> caseIds,
        @JsonProperty(DEPARTMENT) String department,
        @JsonProperty(AREA) String area,
        @JsonProperty(CATEGORY) Category category,
        @JsonProperty(RAISED_AT) Instant raisedAt,
        @JsonProperty(ACKNOWLEDGED) boolean acknowledged,
        @JsonProperty(ACKNOWLEDGED_AT) Instant acknowledgedAt,
        @JsonProperty(ACKNOWLEDGED_BY) String acknowledgedBy) {

    public static AlertDocument of(Alert alert) {
        return new AlertDocument(alert.alertId(), alert.subject(), alert.level(), alert.riskScore(), alert.reasons(),
                alert.caseIds(), alert.department(), alert.area(), alert.category(), alert.raisedAt(), false, null, null);
    }
}
