package io.langnghe.simulator;

import io.langnghe.contracts.Alert;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a run went: for each incident, its first alert (an alert naming one of its cases) and how long
 * after the incident began; and the alerts that name no incident's case, per simulated week.
 */
public record DetectionReport(List<Detection> detections, List<Alert> falseAlerts, double weeks, int petitions) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneOffset.ofHours(7));

    /** One incident: its first alert, if any. */
    public record Detection(Incident incident, Alert firstAlert) {

        public boolean detected() {
            return firstAlert != null;
        }

        /** From the incident's first report to its first alert. */
        public Duration delay() {
            return Duration.between(incident.start(), firstAlert.raisedAt());
        }

        /** The first alert came no later than 24 hours after the third report. */
        public boolean inTime() {
            return detected() && !firstAlert.raisedAt().isAfter(incident.thirdReport().plus(Duration.ofHours(24)));
        }
    }

    public static DetectionReport of(WardSimulation.Result result) {
        List<Alert> alerts = result.alerts().stream().sorted(Comparator.comparing(Alert::raisedAt)).toList();
        Set<String> incidentCases = new HashSet<>();
        List<Detection> detections = new ArrayList<>();
        for (Incident incident : result.incidents()) {
            Set<String> ids = new HashSet<>();
            incident.reports().forEach(r -> ids.add(r.id()));
            incidentCases.addAll(ids);
            Optional<Alert> first = alerts.stream().filter(a -> a.caseIds().stream().anyMatch(ids::contains)).findFirst();
            detections.add(new Detection(incident, first.orElse(null)));
        }
        List<Alert> falseAlerts = alerts.stream().filter(a -> a.caseIds().stream().noneMatch(incidentCases::contains)).toList();
        return new DetectionReport(detections, falseAlerts, result.days() / 7.0, result.petitions().size());
    }

    public double falseAlertsPerWeek() {
        return falseAlerts.size() / weeks;
    }

    /** The table of the closing note (Markdown). */
    public String table() {
        StringBuilder out = new StringBuilder();
        if (!detections.isEmpty()) {
            out.append("| incident | reports | first report | third report | first alert | level | delay from start | ≤ 24 h after 3rd report |\n");
            out.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Detection d : detections) {
                out.append("| ").append(d.incident().name()).append(" | ").append(d.incident().reports().size())
                        .append(" | ").append(TIME.format(d.incident().start()))
                        .append(" | ").append(TIME.format(d.incident().thirdReport()))
                        .append(" | ").append(d.detected() ? TIME.format(d.firstAlert().raisedAt()) + " `" + d.firstAlert().subject() + "`" : "not detected")
                        .append(" | ").append(d.detected() ? d.firstAlert().level() : "")
                        .append(" | ").append(d.detected() ? hours(d.delay()) : "")
                        .append(" | ").append(d.inTime() ? "yes" : "NO").append(" |\n");
            }
        }
        out.append(String.format("%nFalse alerts (naming no incident's case): %d in %.1f weeks = %.2f per week, over %d petitions.%n",
                falseAlerts.size(), weeks, falseAlertsPerWeek(), petitions));
        for (Alert a : falseAlerts) {
            out.append("- ").append(TIME.format(a.raisedAt())).append(" `").append(a.subject()).append("` ").append(a.level())
                    .append(" ").append(a.riskScore()).append(": ")
                    .append(String.join("; ", a.reasons().stream().map(Alert.Reason::description).toList())).append('\n');
        }
        return out.toString();
    }

    private static String hours(Duration d) {
        return String.format("%.1f h", d.toMinutes() / 60.0);
    }
}
