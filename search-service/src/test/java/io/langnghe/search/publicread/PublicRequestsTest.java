package io.langnghe.search.publicread;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The public list as a resident or a civic app reads it: filters, pages, and nothing that identifies
 * a resident. Limits are tight here (and this machine not exempt) so that the last test meets them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicRequestsTest implements TestPropertyProvider {

    private static final int PER_IP = 40;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState answered;
    private CaseState older;
    private CaseState resolved;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("langnghe.public-reads.per-ip", String.valueOf(PER_IP));
        properties.put("langnghe.public-reads.exempt-loopback", "false");
        return properties;
    }

    @BeforeAll
    void publishThreePetitions() throws Exception {
        answered = TestCases.caseState()
                .trackingCode(TrackingCode.generate().value())
                .text("Tôi là Nguyễn Văn An, số 0901 234 567, email an@example.vn. Cống ngõ 5 tắc; Nguyễn Văn An đã báo 2 lần")
                .contact(new Contact("Nguyễn Văn An", "+84901234567", "+84 90x xxx x67", "hash-an-secret", true))
                .status(CaseStatus.ANSWERED)
                .publicAnswer("Đã nạo vét cống ngày 12/7; liên hệ cán bộ qua 0237 3852 123.")
                .createdAt(NOW.minus(Duration.ofHours(2)))
                .build();
        older = TestCases.caseState()
                .trackingCode(TrackingCode.generate().value())
                .text("Rác đổ trộm ở bãi đất trống tổ 3")
                .area("tdp-03")
                .category(Category.MOI_TRUONG)
                .createdAt(NOW.minus(Duration.ofDays(10)))
                .build();
        resolved = TestCases.caseState()
                .trackingCode(TrackingCode.generate().value())
                .text("Đèn đường ngõ 7 hỏng")
                .status(CaseStatus.RESOLVED)
                .publicAnswer("Đã thay bóng đèn.")
                .createdAt(NOW.minus(Duration.ofHours(1)))
                .build();
        for (CaseState state : List.of(answered, older, resolved)) {
            stack.publish(state);
        }
        // waits on the tracking door, which is not counted against the public list's limit
        for (CaseState state : List.of(answered, older, resolved)) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.toBlocking().exchange(HttpRequest.GET("/api/track/" + state.trackingCode())).code() == 200);
        }
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    @Order(1)
    void listsRecentlyChangedFirstWithPublicFields() {
        JsonNode page = list("");

        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(codes(page)).containsExactly(display(resolved), display(answered), display(older));
        JsonNode first = page.path("items").get(1);
        assertThat(first.path("category").path("code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(first.path("area").path("code").asText()).isEqualTo("tdp-05");
        assertThat(first.path("area").path("vi").asText()).isNotBlank();
        assertThat(first.path("status").asText()).isEqualTo("answered");
        assertThat(first.path("open").asBoolean()).isTrue();
        assertThat(first.path("department").path("code").asText()).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(first.path("receivedAt").asText()).isEqualTo(answered.receivedAt().toString());
        assertThat(first.path("dueAt").asText()).isEqualTo(answered.dueAt().toString());
        assertThat(first.path("updatedAt").asText()).isNotBlank();
        assertThat(page.path("items").get(0).path("open").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void masksTheTextAndShowsNothingPersonal() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/api/public/requests?ids=" + answered.caseId()), String.class);
        JsonNode item = list("?ids=" + answered.caseId()).path("items").get(0);

        assertThat(item.path("text").asText()).isEqualTo(
                "Tôi là [họ tên], số [số điện thoại], email [email]. Cống ngõ 5 tắc; [họ tên] đã báo 2 lần");
        assertThat(item.path("publicAnswer").asText()).isEqualTo("Đã nạo vét cống ngày 12/7; liên hệ cán bộ qua [số điện thoại].");
        assertThat(fieldNames(item)).doesNotContain("contact", "name", "phone", "contactHash", "address", "history", "caseId", "feedbackId");
        JsonNode tracking = client.toBlocking().retrieve(HttpRequest.GET("/api/track/" + answered.trackingCode()), JsonNode.class);
        assertThat(tracking.path("publicAnswer").asText()).as("the tracking page masks as the list does")
                .isEqualTo(item.path("publicAnswer").asText());
        assertThat(response.body()).doesNotContain("Nguyễn Văn An", "0901", "+84901234567", "hash-an-secret", "an@example.vn", "12 ngõ 5, tổ dân phố 5",
                answered.trackingCode(), TrackingCode.display(answered.trackingCode()), "trackingCode");
    }

    @Test
    @Order(3)
    void filtersByStatusCategoryAreaPeriodAndCodes() {
        String lastWeek = NOW.minus(Duration.ofDays(7)).toString();

        assertThat(codes(list("?status=answered,resolved"))).containsExactly(display(resolved), display(answered));
        assertThat(codes(list("?category=moi_truong"))).containsExactly(display(older));
        assertThat(codes(list("?area=tdp-03,tdp-07"))).containsExactly(display(older));
        assertThat(codes(list("?from=" + lastWeek))).containsExactly(display(resolved), display(answered));
        assertThat(codes(list("?to=" + lastWeek))).containsExactly(display(older));
        assertThat(codes(list("?ids=" + display(older) + "," + display(answered)))).containsExactly(display(answered), display(older));
        assertThat(codes(list("?status=answered&area=tdp-03"))).isEmpty();
    }

    @Test
    @Order(4)
    void pages() {
        JsonNode second = list("?size=1&page=1");

        assertThat(codes(second)).containsExactly(display(answered));
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void namesEveryBadParameterInOneProblem() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/public/requests?status=done&category=x&from=hôm-qua&size=1001&page=-1"), String.class));

        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(error.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
        JsonNode problem = error.getResponse().getBody(JsonNode.class).orElseThrow();
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("status", "category", "from", "size", "page");
    }

    @Test
    @Order(5)
    void aTrackingCodeFindsNothingInThePublicList() {
        assertThat(codes(list("?ids=" + answered.trackingCode()))).isEmpty();
        assertThat(list("?size=1000").toString()).doesNotContain(answered.trackingCode(), older.trackingCode(), resolved.trackingCode());
    }

    @Test
    @Order(5)
    void aPageBeyondAnyNumberIsA400NamingThePageNotA503() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/public/requests?page=2147483647&size=20"), String.class));

        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(error.getResponse().getBody(JsonNode.class).orElseThrow().path("errors").findValuesAsText("field")).containsExactly("page");
    }

    @Test
    @Order(6)
    void isDescribedInOpenApi() {
        String description = client.toBlocking().retrieve(HttpRequest.GET("/swagger/search.yml"), String.class);

        assertThat(description).contains("/api/public/requests:", "PublicRequestPage:");
    }

    @Test
    @Order(99)
    void anAddressThatReadsTooMuchIsToldWhenToComeBack() {
        HttpClientResponseException refused = null;
        for (int i = 0; i <= PER_IP && refused == null; i++) {
            try {
                client.toBlocking().exchange(HttpRequest.GET("/api/public/requests?size=1"), String.class);
            } catch (HttpClientResponseException e) {
                refused = e;
            }
        }

        assertThat(refused).as("refused within %d reads", PER_IP + 1).isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().get("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(refused.getResponse().getHeaders().get("Retry-After"))).isBetween(1, 60);
    }

    private JsonNode list(String query) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/public/requests" + query), JsonNode.class);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("items").forEach(item -> codes.add(item.path("publicId").asText()));
        return codes;
    }

    /** How the public list names a case: its public id, never its tracking code. */
    private static String display(CaseState state) {
        return state.caseId();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            names.addAll(fieldNames(field.getValue()));
        });
        return names;
    }
}
