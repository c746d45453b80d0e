package io.langnghe.routing.warning;

import io.langnghe.routing.YamlResource;

import java.util.ArrayList;
import java.util.List;

/** routing/early-warning.yml: how reports join into issues, what a spike is, the weights and the levels. */
public record WarningSettings(Clusters clusters, Spikes spikes, Weights weights, Levels levels, Alerts alerts) {

    private static final String RESOURCE = "/routing/early-warning.yml";

    public record Clusters(int windowDays, double similarity, double similarityAnyCategory) {
    }

    public record Spikes(int baselineDays, int minCount, double sigmas) {
    }

    public record Weights(int reporter, int reportersCap, int fastArrival, int spike, int repeatContact, int repeatContactCap,
                          int reopened, int escalation, int dueSoon, int overdue, int waited, int waitedLong, int vulnerable,
                          int safety) {
    }

    public record Levels(int watch, int warning, int critical) {

        /** The level a score reaches: none, watch, warning or critical. */
        public RiskLevel of(int score) {
            if (score >= critical) {
                return RiskLevel.CRITICAL;
            }
            if (score >= warning) {
                return RiskLevel.WARNING;
            }
            return score >= watch ? RiskLevel.WATCH : RiskLevel.NONE;
        }
    }

    public record Alerts(RiskLevel alertFrom, int clusterReporters, int worsenedBy) {
    }

    public WarningSettings {
        List<String> problems = new ArrayList<>();
        if (clusters == null || spikes == null || weights == null || levels == null || alerts == null) {
            throw new IllegalStateException(RESOURCE + ": clusters, spikes, weights, levels and alerts are all needed");
        }
        if (clusters.windowDays() < 1 || clusters.similarity() <= 0 || clusters.similarity() > 1
                || clusters.similarityAnyCategory() < clusters.similarity() || clusters.similarityAnyCategory() > 1) {
            problems.add("clusters: window-days ≥ 1, 0 < similarity ≤ similarity-any-category ≤ 1");
        }
        if (spikes.baselineDays() < 1 || spikes.minCount() < 2 || spikes.sigmas() <= 0) {
            problems.add("spikes: baseline-days ≥ 1, min-count ≥ 2, sigmas > 0");
        }
        if (!(0 < levels.watch() && levels.watch() < levels.warning() && levels.warning() < levels.critical() && levels.critical() <= 100)) {
            problems.add("levels: 0 < watch < warning < critical ≤ 100");
        }
        if (alerts.alertFrom() == null || alerts.alertFrom() == RiskLevel.NONE || alerts.clusterReporters() < 2 || alerts.worsenedBy() < 1) {
            problems.add("alerts: alert-from is watch, warning or critical; cluster-reporters ≥ 2; worsened-by ≥ 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
    }

    public static WarningSettings loadDefault() {
        return YamlResource.read(RESOURCE, WarningSettings.class);
    }
}
