package io.langnghe.search.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A case published on cases.v1 becomes searchable, and each role sees what it may: leaders every
 * department without contact, officers their own department with contact.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchTest implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSearchTest.class);
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(30);
    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private String leader;
    private String infrastructureOfficer;
    private String policeOfficer;
    private CaseState drain;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishABlockedDrain() throws Exception {
        leader = Login.token(client, "lanhdao");
        infrastructureOfficer = Login.token(client, "canbo." + INFRASTRUCTURE);
        policeOfficer = Login.token(client, "canbo.cong_an");
        // A word no other case uses, so each search finds this case alone.
        drain = TestCases.caseState()
                .trackingCode("K7MXQ2PA9C")
                .text("Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên (phố Đào Duy Từ)")
                .build();
        long published = System.nanoTime();
        stack.publish(drain);
        await().atMost(SEARCHABLE_WITHIN).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> ids(search(leader, Map.of("q", "cong thoat nuoc dao duy tu"))).contains(drain.caseId()));
        LOG.info("Published to searchable in {} ms", (System.nanoTime() - published) / 1_000_000);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aNewCaseIsSearchableWithinSecondsOnceTheIndexerRuns() throws Exception {
        CaseState fresh = TestCases.caseState().text("Vỉa hè bị lấn chiếm làm quán nhậu frobozz").build();

        long published = System.nanoTime();
        stack.publish(fresh);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> ids(search(leader, Map.of("q", "via he lan chiem frobozz"))).contains(fresh.caseId()));
        LOG.info("Steady state: published to searchable in {} ms", (System.nanoTime() - published) / 1_000_000);
    }

    @Test
    void leaderFindsTheCaseTypedWithoutDiacritics() {
        JsonNode page = search(leader, Map.of("q", "cong thoat nuoc"));

        JsonNode hit = only(page, drain.caseId());
        assertThat(hit.path("trackingCode").asText()).isEqualTo("K7MX-Q2PA-9C");
        assertThat(hit.path("text").asText()).startsWith("Cống thoát nước trước nhà số 12");
        assertThat(hit.path("category").path("code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(hit.path("category").path("vi").asText()).isNotBlank();
        assertThat(hit.path("department").path("code").asText()).isEqualTo(INFRASTRUCTURE);
        assertThat(hit.path("department").path("vi").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(hit.path("status").asText()).isEqualTo("assigned");
        assertThat(hit.path("area").asText()).isEqualTo("tdp-05");
        assertThat(hit.path("channel").asText()).isEqualTo("web");
        assertThat(hit.path("createdAt").asText()).isEqualTo(drain.createdAt().toString());
        assertThat(hit.path("dueAt").asText()).isEqualTo(drain.dueAt().toString());
        assertThat(hit.path("classification").path("reasons").get(0).asText()).isEqualTo("từ khóa: cống, tắc");
        assertThat(hit.has("contact")).as("leaders never see the resident's contact").isFalse();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void leaderFindsTheCaseTypedWithDiacritics() {
        assertThat(ids(search(leader, Map.of("q", "cống thoát nước")))).contains(drain.caseId());
        assertThat(ids(search(leader, Map.of("q", "CỐNG THOÁT NƯỚC tắc")))).contains(drain.caseId());
    }

    @Test
    void wordsThatAreNotInTheTextDoNotFindIt() {
        assertThat(ids(search(leader, Map.of("q", "den duong hong")))).doesNotContain(drain.caseId());
    }

    @Test
    void filtersNarrowTheSearch() {
        assertThat(ids(search(leader, Map.of("q", "cong", "area", "tdp-05", "status", "new,assigned")))).contains(drain.caseId());
        assertThat(ids(search(leader, Map.of("q", "cong", "area", "tdp-06")))).doesNotContain(drain.caseId());
        assertThat(ids(search(leader, Map.of("category", "moi_truong")))).doesNotContain(drain.caseId());
        assertThat(ids(search(leader, Map.of("from", "2000-01-01", "to", "2100-01-01")))).contains(drain.caseId());
        assertThat(ids(search(leader, Map.of("to", "2000-01-01")))).doesNotContain(drain.caseId());
    }

    @Test
    void officerOfTheCasesDepartmentSeesItWithTheResidentsContact() {
        JsonNode hit = only(search(infrastructureOfficer, Map.of("q", "cong thoat nuoc")), drain.caseId());

        assertThat(hit.path("contact").path("name").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(hit.path("contact").path("phone").asText()).isEqualTo("+84901234567");
        assertThat(hit.path("contact").path("address").asText()).isEqualTo("12 ngõ 5, tổ dân phố 5");
    }

    @Test
    void officerOfAnotherDepartmentDoesNotSeeIt() {
        assertThat(ids(search(policeOfficer, Map.of("q", "cong thoat nuoc")))).doesNotContain(drain.caseId());
        // Asking for the other department explicitly does not widen an officer's scope.
        assertThat(ids(search(policeOfficer, Map.of("q", "cong thoat nuoc", "department", INFRASTRUCTURE))))
                .doesNotContain(drain.caseId());
        assertThat(status(get("/api/cases/" + drain.caseId(), policeOfficer))).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    @Test
    void casePageShowsHistoryAndContactToTheDepartmentOnly() {
        JsonNode forOfficer = client.toBlocking().retrieve(get("/api/cases/" + drain.caseId(), infrastructureOfficer), JsonNode.class);
        JsonNode forLeader = client.toBlocking().retrieve(get("/api/cases/" + drain.caseId(), leader), JsonNode.class);

        assertThat(forOfficer.path("history").get(0).path("action").asText()).isEqualTo("routed");
        assertThat(forOfficer.path("contact").path("phone").asText()).isEqualTo("+84901234567");
        assertThat(forLeader.path("caseId").asText()).isEqualTo(drain.caseId());
        assertThat(forLeader.has("contact")).isFalse();
    }

    @Test
    void unknownCaseIsNotFoundAsProblem() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(get("/api/cases/no-such-case", leader), String.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        assertThat(status(HttpRequest.GET("/api/cases?q=cong"))).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(status(HttpRequest.GET("/api/cases/" + drain.caseId()))).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void rolesOtherThanLeaderAndOfficerAreRefused() {
        assertThat(status(get("/api/cases?q=cong", Login.token(client, "tongdai")))).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }

    @Test
    void badParametersGet400NamingEachField() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(get("/api/cases?category=nuoc&size=500&from=yesterday", leader), String.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        JsonNode problem = error.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ / Invalid input");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("category", "size", "from");
    }

    @Test
    void anOlderStateArrivingLaterNeverReplacesANewerOne() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        TestCases lamp = TestCases.caseState().caseId(caseId).text("Đèn đường ngõ 9 hỏng đã lâu, tối om");

        stack.publish(lamp.version(2).status(CaseStatus.IN_PROGRESS).build());
        stack.publish(lamp.version(1).status(CaseStatus.ASSIGNED).build());
        // A marker published after both: once it is searchable, both states above were indexed.
        CaseState marker = TestCases.caseState().text("Bảng đánh dấu kiểm thử thứ tự xyzzy").build();
        stack.publish(marker);
        await().atMost(SEARCHABLE_WITHIN).ignoreExceptions().until(() -> ids(search(leader, Map.of("q", "xyzzy"))).contains(marker.caseId()));

        JsonNode shown = client.toBlocking().retrieve(get("/api/cases/" + caseId, leader), JsonNode.class);
        assertThat(shown.path("version").asLong()).isEqualTo(2);
        assertThat(shown.path("status").asText()).isEqualTo("in_progress");
    }

    @Test
    void aRecordThatIsNotACaseGoesToTheDeadLetterTopicAndIndexingGoesOn() throws Exception {
        stack.publishRaw("broken-1", "{not json".getBytes(StandardCharsets.UTF_8));
        CaseState after = TestCases.caseState().text("Rác thải đổ trộm ở bãi đất trống plugh").build();
        stack.publish(after);

        await().atMost(SEARCHABLE_WITHIN).ignoreExceptions().until(() -> ids(search(leader, Map.of("q", "plugh"))).contains(after.caseId()));
        var deadLetters = SharedInfrastructure.topicProbe()
                .awaitRecords(stack.topics().feedbackDlq().name(), 1, SEARCHABLE_WITHIN);
        assertThat(deadLetters).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("broken-1");
            assertThat(record.value()).contains("\"failedBy\":\"search-service\"");
        });
    }

    private JsonNode search(String token, Map<String, String> parameters) {
        UriBuilder uri = UriBuilder.of("/api/cases");
        parameters.forEach(uri::queryParam);
        return client.toBlocking().retrieve(get(uri.toString(), token), JsonNode.class);
    }

    private static HttpRequest<?> get(String uri, String token) {
        return HttpRequest.GET(uri).bearerAuth(token);
    }

    private int status(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return response.getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("caseId").asText()));
        return ids;
    }

    private static JsonNode only(JsonNode page, String caseId) {
        List<JsonNode> hits = new ArrayList<>();
        page.path("items").forEach(item -> {
            if (item.path("caseId").asText().equals(caseId)) {
                hits.add(item);
            }
        });
        assertThat(hits).hasSize(1);
        return hits.get(0);
    }
}
