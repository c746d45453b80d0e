package io.langnghe.search.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Rating;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
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
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * What the early warning and the residents add to the officers' and leaders' views: the queue puts
 * urgent cases first, then the riskiest; an issue's reports are listed together and counted by size;
 * the case page shows risk, rating and only the actions that fit; departments get their satisfaction.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskClustersAndRatingsTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private static final String DRAIN = "cluster-drain-tdp05";
    private static final String LIGHT = "cluster-light-tdp07";
    private final SharedStack stack = new SharedStack();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    @Client("/")
    HttpClient client;

    private String officer;
    private String policeOfficer;
    private String leader;
    private CaseState dueSoon;
    private CaseState riskyLater;
    private CaseState watched;
    private CaseState urgent;
    private CaseState riskySooner;
    private CaseState resolvedFixed;
    private CaseState answeredNotFixed;
    private CaseState lightAgain;
    private CaseState complaint;
    private CaseState police;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishAWard() throws Exception {
        officer = Login.token(client, "canbo." + INFRASTRUCTURE);
        policeOfficer = Login.token(client, "canbo.cong_an");
        leader = Login.token(client, "lanhdao");
        // case            status      urgent  risk           due      cluster  rating
        dueSoon = TestCases.caseState().text("Ổ gà đường Lê Lai").dueAt(now.plus(Duration.ofHours(1))).build();
        riskyLater = TestCases.caseState().dueAt(now.plus(Duration.ofDays(5))).clusterId(DRAIN)
                .risk(80, "critical", "duplicates", "escalation_words").build();
        watched = TestCases.caseState().dueAt(now.plus(Duration.ofDays(2))).clusterId(DRAIN).risk(40, "watch", "duplicates").build();
        urgent = TestCases.caseState().text("Dây điện rơi xuống đường").urgent(true).dueAt(now.plus(Duration.ofDays(6))).build();
        riskySooner = TestCases.caseState().dueAt(now.plus(Duration.ofDays(1))).clusterId(DRAIN).risk(80, "critical", "duplicates").build();
        resolvedFixed = TestCases.caseState().status(CaseStatus.RESOLVED).clusterId(DRAIN)
                .rating(new Rating(4, "Đã hết tắc", true, now)).build();
        answeredNotFixed = TestCases.caseState().text("Đèn đường ngõ 3 hỏng").area("tdp-07").status(CaseStatus.ANSWERED)
                .clusterId(LIGHT).dueAt(now.plus(Duration.ofDays(4))).rating(new Rating(2, "Vẫn tối <b>om</b>", false, now)).build();
        lightAgain = TestCases.caseState().text("Ngõ 3 không có đèn").area("tdp-07").clusterId(LIGHT).dueAt(now.plus(Duration.ofDays(4))).build();
        complaint = TestCases.caseState().status(CaseStatus.ACKNOWLEDGED).caseType(CaseType.COMPLAINT).dueAt(now.plus(Duration.ofDays(9))).build();
        police = TestCases.caseState().department("cong_an").category(Category.AN_NINH_TRAT_TU).clusterId(DRAIN).build();
        List<CaseState> ward = List.of(dueSoon, riskyLater, watched, urgent, riskySooner, resolvedFixed, answeredNotFixed, lightAgain,
                complaint, police);
        for (CaseState state : ward) {
            stack.publish(state);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get("/api/cases", leader, Map.of("size", "100")).path("total").asLong() == ward.size());
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void theQueuePutsUrgentCasesFirstThenTheRiskiestThenTheSoonestDue() {
        JsonNode queue = get("/api/queue", officer, Map.of());

        assertThat(ids(queue).subList(0, 5)).containsExactly(
                urgent.caseId(), riskySooner.caseId(), riskyLater.caseId(), watched.caseId(), dueSoon.caseId());
        JsonNode first = queue.path("items").get(1);
        assertThat(first.path("riskScore").asInt()).isEqualTo(80);
        assertThat(first.path("riskLevel").asText()).isEqualTo("critical");
        assertThat(first.path("clusterId").asText()).isEqualTo(DRAIN);
        assertThat(queue.path("items").get(0).path("urgent").asBoolean()).isTrue();
    }

    @Test
    void aNotFixedWithoutAPhoneToProveItWaitsInTheQueueForTheOfficersConfirmation() {
        JsonNode queue = get("/api/queue", officer, Map.of("size", "100"));

        // the resident of answeredNotFixed said "not fixed" with the tracking code alone: the case stays answered
        assertThat(queue.path("items")).filteredOn(item -> item.path("awaitingConfirmation").asBoolean())
                .extracting(item -> item.path("caseId").asText()).containsExactly(answeredNotFixed.caseId());
    }

    @Test
    void theReportsOfOneIssueAreListedTogetherWithinTheCallersScope() {
        assertThat(ids(get("/api/cases", leader, Map.of("cluster", DRAIN)))).containsExactlyInAnyOrder(
                riskyLater.caseId(), watched.caseId(), riskySooner.caseId(), resolvedFixed.caseId(), police.caseId());
        assertThat(ids(get("/api/cases", officer, Map.of("cluster", DRAIN)))).containsExactlyInAnyOrder(
                riskyLater.caseId(), watched.caseId(), riskySooner.caseId(), resolvedFixed.caseId());
        assertThat(ids(get("/api/cases", policeOfficer, Map.of("cluster", DRAIN)))).containsExactly(police.caseId());
        assertThat(get("/api/cases", leader, Map.of("cluster", "no-such-cluster")).path("total").asLong()).isZero();
    }

    @Test
    void clustersBySizeCountOpenReportsWithTheirAreaCategoryAndHighestRisk() {
        JsonNode leaders = get("/api/clusters", leader, Map.of()).path("clusters");

        assertThat(leaders.findValuesAsText("clusterId")).containsExactly(DRAIN, LIGHT);
        JsonNode drain = leaders.get(0);
        assertThat(drain.path("openReports").asLong()).as("the resolved report is not open").isEqualTo(4);
        assertThat(drain.path("area").path("code").asText()).isEqualTo("tdp-05");
        assertThat(drain.path("category").path("code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(drain.path("department").path("code").asText()).isEqualTo(INFRASTRUCTURE);
        assertThat(drain.path("maxRiskScore").asInt()).isEqualTo(80);
        assertThat(drain.path("lastReportedAt").asText()).isNotBlank();
        JsonNode light = leaders.get(1);
        assertThat(light.path("openReports").asLong()).isEqualTo(2);
        assertThat(light.path("area").path("code").asText()).isEqualTo("tdp-07");
        assertThat(light.path("maxRiskScore").isNumber()).as("not assessed yet").isFalse();

        JsonNode policeView = get("/api/clusters", policeOfficer, Map.of()).path("clusters");
        assertThat(policeView.findValuesAsText("clusterId")).containsExactly(DRAIN);
        assertThat(policeView.get(0).path("openReports").asLong()).isEqualTo(1);
    }

    @Test
    void theCasePageShowsRiskWithReasonsTheRatingAndOnlyTheActionsThatFit() {
        JsonNode risky = get("/api/cases/" + riskyLater.caseId(), officer, Map.of());
        assertThat(risky.path("risk").path("score").asInt()).isEqualTo(80);
        assertThat(risky.path("risk").path("reasons").findValuesAsText("code")).containsExactly("duplicates", "escalation_words");
        assertThat(risky.path("risk").path("reasons").get(0).path("description").asText()).isEqualTo("lý do duplicates");
        assertThat(risky.path("clusterId").asText()).isEqualTo(DRAIN);
        assertThat(texts(risky.path("actions"))).contains("acknowledge", "confirm_legal_track")
                .doesNotContain("undo_legal_track", "mark_complex", "extend_deadline", "close", "rate", "assess");

        JsonNode rated = get("/api/cases/" + answeredNotFixed.caseId(), officer, Map.of());
        assertThat(rated.path("rating").path("stars").asInt()).isEqualTo(2);
        assertThat(rated.path("rating").path("fixed").asBoolean(true)).isFalse();
        assertThat(rated.path("rating").path("comment").asText()).isEqualTo("Vẫn tối <b>om</b>");

        assertThat(texts(get("/api/cases/" + resolvedFixed.caseId(), officer, Map.of()).path("actions"))).containsExactlyInAnyOrder("reopen", "close");
        assertThat(texts(get("/api/cases/" + complaint.caseId(), officer, Map.of()).path("actions")))
                .contains("undo_legal_track", "mark_complex").doesNotContain("extend_deadline");
        assertThat(texts(get("/api/cases/" + complaint.caseId(), leader, Map.of()).path("actions")))
                .as("a leader steers but does not answer").contains("mark_complex").doesNotContain("answer", "acknowledge");
    }

    @Test
    void departmentsShowHowManyResidentsRatedHowManyStarsAndHowOftenReallyFixed() {
        JsonNode rows = get("/api/departments/performance", leader, Map.of()).path("departments");
        JsonNode infrastructure = row(rows, INFRASTRUCTURE);
        assertThat(infrastructure.path("ratings").asLong()).isEqualTo(2);
        assertThat(infrastructure.path("meanStars").asDouble()).isCloseTo(3.0, within(0.001));
        assertThat(infrastructure.path("fixedShare").asDouble()).isCloseTo(0.5, within(0.001));
        JsonNode policeRow = row(rows, "cong_an");
        assertThat(policeRow.path("ratings").asLong()).isZero();
        assertThat(policeRow.path("meanStars").isNumber()).isFalse();
        assertThat(policeRow.path("fixedShare").isNumber()).isFalse();
    }

    private static JsonNode row(JsonNode rows, String department) {
        for (JsonNode row : rows) {
            if (row.path("department").path("code").asText().equals(department)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + department);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("caseId");
    }

    private JsonNode get(String path, String token, Map<String, String> query) {
        UriBuilder uri = UriBuilder.of(path);
        query.forEach(uri::queryParam);
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build().toString()).bearerAuth(token), JsonNode.class);
    }
}
