package io.langnghe.search.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The leader sees how fast and how punctually each department answers, and which words are new this week. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardExtrasTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private final SharedStack stack = new SharedStack();
    private final Instant created = Instant.now().minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.MILLIS);

    @Inject
    @Client("/")
    HttpClient client;

    private String leader;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishCases() throws Exception {
        leader = Login.token(client, "lanhdao");
        List<CaseState> cases = new ArrayList<>();
        // acknowledged after 1 h, answered on day 2 of 3, resolved on day 4: on time
        cases.add(lived(Duration.ofDays(3), CaseStatus.RESOLVED,
                step(Duration.ofMinutes(60), CaseStatus.ACKNOWLEDGED), step(Duration.ofDays(2), CaseStatus.ANSWERED),
                step(Duration.ofDays(4), CaseStatus.RESOLVED)));
        // acknowledged after 2 h, answered on day 2 of 1, resolved on day 3: late
        cases.add(lived(Duration.ofDays(1), CaseStatus.RESOLVED,
                step(Duration.ofMinutes(120), CaseStatus.IN_PROGRESS), step(Duration.ofDays(2), CaseStatus.ANSWERED),
                step(Duration.ofDays(3), CaseStatus.RESOLVED)));
        // acknowledged after 3 h, still being worked on
        cases.add(lived(Duration.ofDays(30), CaseStatus.IN_PROGRESS, step(Duration.ofMinutes(180), CaseStatus.ACKNOWLEDGED)));
        // the police have answered nothing yet
        cases.add(TestCases.caseState().department("cong_an").createdAt(created).build());
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) {
            cases.add(TestCases.caseState().createdAt(now.minus(Duration.ofDays(30 + i)))
                    .text("Cống ngõ " + i + " bị tắc, nước ngập").build());
        }
        cases.add(TestCases.caseState().createdAt(now.minus(Duration.ofDays(1))).text("Muỗi nhiều, sợ sốt xuất huyết").build());
        cases.add(TestCases.caseState().createdAt(now.minus(Duration.ofDays(2))).text("Nhà tôi có người sốt xuất huyết do muỗi").build());
        cases.add(TestCases.caseState().createdAt(now.minus(Duration.ofDays(3))).text("Sốt xuất huyết lan rộng ở ngõ 3, cần phun muỗi").build());
        for (CaseState state : cases) {
            stack.publish(state);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/cases?size=1").bearerAuth(leader), JsonNode.class).path("total").asLong() == cases.size());
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void departmentsShowTheirOnTimeRateAndMedianTimesToAcknowledgeAndResolve() {
        JsonNode performance = client.toBlocking().retrieve(
                HttpRequest.GET("/api/departments/performance").bearerAuth(leader), JsonNode.class);

        JsonNode infrastructure = row(performance, INFRASTRUCTURE);
        assertThat(infrastructure.path("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(infrastructure.path("medianMinutesToAcknowledge").asDouble()).isEqualTo(120.0);
        assertThat(infrastructure.path("medianMinutesToResolve").asDouble()).isBetween(3 * 1440.0, 4 * 1440.0);
        JsonNode police = row(performance, "cong_an");
        assertThat(police.path("onTimeRate").isMissingNode() || police.path("onTimeRate").isNull()).isTrue();
        assertThat(police.path("medianMinutesToResolve").isMissingNode() || police.path("medianMinutesToResolve").isNull()).isTrue();
    }

    @Test
    void wordsOfTheLastWeekThatTheMonthsBeforeDidNotUseAreEmerging() {
        JsonNode emerging = client.toBlocking().retrieve(HttpRequest.GET("/api/trends/emerging").bearerAuth(leader), JsonNode.class);

        List<String> words = new ArrayList<>();
        emerging.path("words").forEach(w -> words.add(w.path("word").asText()));
        assertThat(words).contains("muoi", "sot", "xuat", "huyet").doesNotContain("cong", "tac", "ngo");
        assertThat(emerging.path("words").get(0).path("count").asLong()).isEqualTo(3);
    }

    private CaseState lived(Duration dueIn, CaseStatus status, HistoryEntry... steps) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(1, created, "routing-streams", "routed", CaseStatus.ASSIGNED, null));
        history.addAll(List.of(steps));
        return TestCases.caseState().createdAt(created).dueAt(created.plus(dueIn)).status(status)
                .version(history.size()).history(history).build();
    }

    private HistoryEntry step(Duration after, CaseStatus status) {
        return new HistoryEntry(2, created.plus(after), "canbo", status.code(), status, null);
    }

    private static JsonNode row(JsonNode performance, String department) {
        for (JsonNode r : performance.path("departments")) {
            if (r.path("department").path("code").asText().equals(department)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + department);
    }
}
