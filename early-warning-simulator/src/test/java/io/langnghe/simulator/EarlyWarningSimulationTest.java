package io.langnghe.simulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof the issue asks for: sixty simulated days of the ward through the real topology. Every
 * injected incident must raise an alert within 24 simulated hours of its third report, and the
 * background alone must raise at most two alerts a week. The tables are printed for the closing note.
 */
class EarlyWarningSimulationTest {

    static final Instant SEPTEMBER = LocalDate.of(2026, 9, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(7));
    static WardSimulation simulation;

    @BeforeAll
    static void train() {
        simulation = new WardSimulation();
    }

    @Test
    void detectsEveryInjectedIncidentWithin24HoursOfItsThirdReport() {
        DetectionReport report = DetectionReport.of(simulation.run(SEPTEMBER, 60, 7, true, day -> { }));
        System.out.println("Incidents, 60 days, seed 7:\n" + report.table());

        assertThat(report.detections()).hasSize(5).allSatisfy(detection -> {
            assertThat(detection.detected()).as("%s detected", detection.incident().name()).isTrue();
            assertThat(detection.inTime()).as("%s: first alert %s, third report %s", detection.incident().name(),
                    detection.firstAlert().raisedAt(), detection.incident().thirdReport()).isTrue();
        });
    }

    @Test
    void raisesAtMostTwoAlertsAWeekOnTheBackgroundAlone() {
        DetectionReport report = DetectionReport.of(simulation.run(SEPTEMBER, 60, 11, false, day -> { }));
        System.out.println("Background alone, 60 days, seed 11:\n" + report.table());

        assertThat(report.petitions()).as("a ward's two months").isBetween(500, 1200);
        assertThat(report.falseAlertsPerWeek()).isLessThanOrEqualTo(2.0);
    }
}
