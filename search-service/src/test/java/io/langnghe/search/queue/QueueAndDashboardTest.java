package io.langnghe.search.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import static org.awaitility.Awaitility.await;

/**
 * The officer's queue (open cases of the department, due soonest first, with the deadline in words)
 * and the leader's numbers (trends over a period, departments now), on a small ward of known cases.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueAndDashboardTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private final SharedStack stack = new SharedStack();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    @Client("/")
    HttpClient client;

    private String officer;
    private String leader;
    private CaseState overdue;
    private CaseState dueSoon;
    private CaseState dueLater;
    private CaseState resolved;
    private CaseState police;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishAWard() throws Exception {
        officer = Login.token(client, "canbo." + INFRASTRUCTURE);
        leader = Login.token(client, "lanhdao");
        // case                                                      department       status        due
        overdue = due(TestCases.caseState().text("Cống tắc ngõ 7"), now.minus(Duration.ofHours(3).plusMinutes(10)));
        dueSoon = due(TestCases.caseState().text("Đèn đường hỏng").area("tdp-06").status(CaseStatus.ACKNOWLEDGED), now.plus(Duration.ofDays(2).plusHours(5)));
        dueLater = due(TestCases.caseState().text("Vỉa hè bị lấn chiếm").category(Category.TRAT_TU_DO_THI), now.plus(Duration.ofDays(5)));
        resolved = due(TestCases.caseState().text("Rác đã dọn").status(CaseStatus.RESOLVED), now.minus(Duration.ofDays(9)));
        police = due(TestCases.caseState().text("Đua xe đêm").department("cong_an").category(Category.AN_NINH_TRAT_TU).channel("hotline"), now.plus(Duration.ofDays(1)));
        for (CaseState state : List.of(overdue, dueSoon, dueLater, resolved, police)) {
            stack.publish(state);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get("/api/cases", leader, Map.of("size", "100")).path("total").asLong() == 5);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void theQueueHoldsTheDepartmentsOpenCasesDueSoonestFirst() {
        JsonNode queue = get("/api/queue", officer, Map.of());

        assertThat(ids(queue)).containsExactly(overdue.caseId(), dueSoon.caseId(), dueLater.caseId());
        assertThat(queue.path("total").asLong()).isEqualTo(3);
        assertThat(queue.path("department").asText()).isEqualTo(INFRASTRUCTURE);
        JsonNode first = queue.path("items").get(0);
        assertThat(first.path("deadline").path("vi").asText()).isEqualTo("quá hạn 3 giờ");
        assertThat(first.path("deadline").path("en").asText()).isEqualTo("3 hours overdue");
        assertThat(first.path("deadline").path("overdue").asBoolean()).isTrue();
        assertThat(first.path("text").asText()).isEqualTo("Cống tắc ngõ 7");
        assertThat(first.path("category").path("code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(queue.path("items").get(1).path("deadline").path("vi").asText()).isEqualTo("còn 2 ngày");
        assertThat(queue.path("items").get(1).path("deadline").path("en").asText()).isEqualTo("2 days left");
    }

    @Test
    void theQueueFiltersByStatusAreaCategoryAndWords() {
        assertThat(ids(get("/api/queue", officer, Map.of("status", "acknowledged")))).containsExactly(dueSoon.caseId());
        assertThat(ids(get("/api/queue", officer, Map.of("area", "tdp-06")))).containsExactly(dueSoon.caseId());
        assertThat(ids(get("/api/queue", officer, Map.of("category", "trat_tu_do_thi")))).containsExactly(dueLater.caseId());
        assertThat(ids(get("/api/queue", officer, Map.of("q", "cong tac")))).containsExactly(overdue.caseId());
        assertThat(ids(get("/api/queue", officer, Map.of("size", "1", "page", "1")))).containsExactly(dueSoon.caseId());
    }

    @Test
    void aClosedStatusOrABadFilterIsA400Problem() {
        HttpClientResponseException error = refused("/api/queue?status=resolved", officer);
        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(error.getResponse().getBody(JsonNode.class).orElseThrow().path("errors").get(0).path("code").asText()).isEqualTo("not_open");
        assertThat(refused("/api/queue?area=tdp-99&size=0", officer).getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void trendsCountThePeriodByCategoryAreaChannelStatusAndDay() {
        JsonNode trends = get("/api/trends", leader, Map.of());

        assertThat(trends.path("total").asLong()).isEqualTo(5);
        assertThat(count(trends.path("byCategory"), "giao_thong_ha_tang")).isEqualTo(3);
        assertThat(trends.path("byCategory").get(0).path("vi").asText()).isNotBlank();
        assertThat(count(trends.path("byArea"), "tdp-06")).isEqualTo(1);
        assertThat(count(trends.path("byChannel"), "hotline")).isEqualTo(1);
        assertThat(count(trends.path("byChannel"), "web")).isEqualTo(4);
        assertThat(count(trends.path("byStatus"), "resolved")).isEqualTo(1);
        assertThat(count(trends.path("byDepartment"), "cong_an")).isEqualTo(1);
        assertThat(trends.path("perDay").size()).isBetween(30, 31);
        long perDay = 0;
        for (JsonNode day : trends.path("perDay")) {
            perDay += day.path("count").asLong();
        }
        assertThat(perDay).isEqualTo(5);
        assertThat(get("/api/trends", leader, Map.of("to", "2000-01-01")).path("total").asLong()).isZero();
        assertThat(refused("/api/trends?from=1900-01-01&to=2100-01-01", leader).getStatus().getCode()).isEqualTo(400);
        assertThat(refused("/api/trends?from=hom-qua", leader).getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void departmentPerformanceShowsOpenOverdueAndAnsweredNow() {
        JsonNode performance = get("/api/departments/performance", leader, Map.of());

        JsonNode infrastructure = row(performance, INFRASTRUCTURE);
        assertThat(infrastructure.path("department").path("vi").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(infrastructure.path("open").asLong()).isEqualTo(3);
        assertThat(infrastructure.path("overdue").asLong()).isEqualTo(1);
        assertThat(infrastructure.path("answered").asLong()).isEqualTo(1);
        assertThat(row(performance, "cong_an").path("open").asLong()).isEqualTo(1);
        assertThat(row(performance, "tram_y_te").path("open").asLong()).as("idle departments are listed too").isZero();

        JsonNode y2k = row(get("/api/departments/performance", leader, Map.of("to", "2000-01-01")), INFRASTRUCTURE);
        assertThat(y2k.path("answered").asLong()).as("answered of the cases received in the period").isZero();
        assertThat(y2k.path("open").asLong()).as("open and overdue now, whenever they came").isEqualTo(3);
        assertThat(y2k.path("overdue").asLong()).isEqualTo(1);
    }

    @Test
    void thePeriodExportsAsCsvAndXlsxWithoutContacts() throws Exception {
        HttpResponse<byte[]> csv = client.toBlocking().exchange(
                HttpRequest.GET("/api/export?format=csv").bearerAuth(leader), byte[].class);
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv.getContentType().map(Object::toString).orElseThrow()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"langnghe-");
        assertThat(text.split("\r\n")).hasSize(6);
        assertThat(text).contains(overdue.caseId(), "Cống tắc ngõ 7", "cong_an").doesNotContain("+84901234567", "Nguyễn Văn An");

        HttpResponse<byte[]> xlsx = client.toBlocking().exchange(HttpRequest.GET("/api/export").bearerAuth(leader), byte[].class);
        assertThat(xlsx.getContentType().map(Object::toString).orElseThrow()).contains("spreadsheetml");
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(zip.getNextEntry()).isNotNull();
        }
        assertThat(refused("/api/export?format=pdf", leader).getStatus().getCode()).isEqualTo(400);
    }

    private static CaseState due(TestCases builder, Instant dueAt) {
        return builder.dueAt(dueAt).build();
    }

    private JsonNode get(String path, String token, Map<String, String> parameters) {
        UriBuilder uri = UriBuilder.of(path);
        parameters.forEach(uri::queryParam);
        return client.toBlocking().retrieve(HttpRequest.GET(uri.toString()).bearerAuth(token), JsonNode.class);
    }

    private HttpClientResponseException refused(String uri, String token) {
        try {
            client.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class);
            throw new AssertionError("expected a refusal of " + uri);
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("caseId").asText()));
        return ids;
    }

    private static long count(JsonNode counts, String code) {
        for (JsonNode c : counts) {
            if (c.path("code").asText().equals(code)) {
                return c.path("count").asLong();
            }
        }
        return 0;
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
