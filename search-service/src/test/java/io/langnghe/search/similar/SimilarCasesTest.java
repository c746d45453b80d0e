package io.langnghe.search.similar;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Before sending, a resident sees the open cases of the same area that already say the same thing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarCasesTest implements TestPropertyProvider {

    private static final String DRAIN = "Cống thoát nước ngõ 5 bị tắc, nước ngập cả đường, mùi hôi bốc lên "
            + "từ sáng tới giờ, đề nghị phường cho người nạo vét gấp vì trẻ con đi học phải lội nước bẩn rất nguy hiểm";

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState sameArea;
    private CaseState answered;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishCases() throws Exception {
        sameArea = TestCases.caseState().area("tdp-05").text(DRAIN).build();
        answered = TestCases.caseState().area("tdp-05").status(CaseStatus.ANSWERED)
                .text("Cống ngõ 5 tắc, nước ngập đường").publicAnswer("Đã cử tổ nạo vét. / A crew was sent.").build();
        List<CaseState> others = List.of(
                TestCases.caseState().area("tdp-06").text("Cống thoát nước ngõ 5 bị tắc, nước ngập").build(),
                TestCases.caseState().area("tdp-05").status(CaseStatus.RESOLVED).text("Cống thoát nước ngõ 5 bị tắc").build(),
                TestCases.caseState().area("tdp-05").createdAt(Instant.now().minus(Duration.ofDays(40)))
                        .text("Cống thoát nước ngõ 5 bị tắc, nước ngập").build(),
                TestCases.caseState().area("tdp-05").text("Karaoke hàng xóm hát to tới nửa đêm").build());
        stack.publish(sameArea);
        stack.publish(answered);
        for (CaseState other : others) {
            stack.publish(other);
        }
        String leader = Login.token(client, "lanhdao");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/cases?size=50").bearerAuth(leader), JsonNode.class).path("total").asLong() == 6);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void anyoneSeesOpenRecentCasesOfTheAreaThatSayTheSameWithoutTextOrPersonalData() {
        JsonNode answer = client.toBlocking().retrieve(similar("tdp-05", "cong thoat nuoc ngo 5 bi tac"), JsonNode.class);

        List<String> ids = publicIds(answer);
        assertThat(ids).containsExactlyInAnyOrder(sameArea.caseId(), answered.caseId());
        JsonNode first = answer.path("items").get(0);
        assertThat(first.has("trackingCode")).as("the tracking code is the resident's secret").isFalse();
        assertThat(first.has("snippet")).isFalse();
        assertThat(first.has("caseId")).isFalse();
        assertThat(first.has("text")).isFalse();
        assertThat(first.has("contact")).isFalse();
        assertThat(first.path("category").path("vi").asText()).isNotEmpty();
        assertThat(first.path("status").asText()).isIn("assigned", "answered");
        assertThat(answer.toString()).doesNotContain("Nguyễn Văn An", "+84901234567", "12 ngõ 5",
                sameArea.trackingCode(), display(sameArea), answered.trackingCode(), display(answered));
    }

    @Test
    void theCaseThatSharesMoreWordsComesFirstAndItsAnswerIsShown() {
        JsonNode answer = client.toBlocking().retrieve(similar("tdp-05", "Cống ngõ 5 tắc nước ngập đường"), JsonNode.class);

        JsonNode first = answer.path("items").get(0);
        assertThat(first.path("publicId").asText()).isEqualTo(answered.caseId());
        assertThat(first.path("publicAnswer").asText()).startsWith("Đã cử tổ nạo vét");
    }

    @Test
    void wordsSharedWithLessThanHalfDoNotCount() {
        JsonNode answer = client.toBlocking().retrieve(similar("tdp-05", "đèn điện hỏng, tối om cả khu"), JsonNode.class);

        assertThat(answer.path("items").isArray()).as("an empty list is still a list").isTrue();
        assertThat(answer.path("items")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tongdai", "lanhdao", "canbo.cong_an"})
    void staffAlsoSeeTheCaseIdAndTheStartOfTheText(String username) {
        MutableHttpRequest<?> request = similar("tdp-05", "cong thoat nuoc ngo 5 bi tac nuoc ngap duong");
        request.bearerAuth(Login.token(client, username));

        JsonNode answer = client.toBlocking().retrieve(request, JsonNode.class);

        JsonNode drain = byCode(answer, display(sameArea));
        assertThat(drain.path("caseId").asText()).isEqualTo(sameArea.caseId());
        assertThat(drain.path("snippet").asText()).hasSize(160).isEqualTo(DRAIN.substring(0, 160));
        assertThat(drain.has("contact")).isFalse();
    }

    @Test
    void aGroupLeaderIsTreatedLikeAResident() {
        MutableHttpRequest<?> request = similar("tdp-05", "cong thoat nuoc ngo 5 bi tac");
        request.bearerAuth(Login.token(client, "totruong.tdp-01"));

        JsonNode answer = client.toBlocking().retrieve(request, JsonNode.class);

        assertThat(answer.path("items")).isNotEmpty();
        assertThat(answer.path("items").get(0).has("snippet")).isFalse();
    }

    @ParameterizedTest(name = "area={0} text={1}")
    @CsvSource(value = {"'', cống tắc, area", "tdp-99, cống tắc, area", "tdp-05, '  ', text", "NULL, NULL, area"},
            nullValues = "NULL")
    void aMissingOrUnknownAreaOrAnEmptyTextIsA400(String area, String text, String field) {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(similar(area, text), JsonNode.class));

        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(error.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        JsonNode problem = error.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ / Invalid input");
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void aVeryLongTextIsMatchedByItsStartInsteadOfRefused() {
        String longText = "Cống thoát nước ngõ 5 bị tắc. " + "Rất bức xúc. ".repeat(400);

        JsonNode answer = client.toBlocking().retrieve(similar("tdp-05", longText), JsonNode.class);

        assertThat(answer.path("items").isArray()).isTrue();
    }

    @Test
    void sizeOutOfRangeIsA400() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(
                        HttpRequest.GET(UriBuilder.of("/api/similar").queryParam("area", "tdp-05")
                                .queryParam("text", "cống").queryParam("size", "500").toString()), JsonNode.class));

        assertThat(error.getStatus().getCode()).isEqualTo(400);
    }

    private static MutableHttpRequest<?> similar(String area, String text) {
        UriBuilder uri = UriBuilder.of("/api/similar");
        if (area != null) {
            uri.queryParam("area", area);
        }
        if (text != null) {
            uri.queryParam("text", text);
        }
        return HttpRequest.GET(uri.queryParam("size", "5").toString());
    }

    private static String display(CaseState state) {
        String code = state.trackingCode();
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private static List<String> publicIds(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.path("items").forEach(item -> codes.add(item.path("publicId").asText()));
        return codes;
    }

    private static JsonNode byCode(JsonNode answer, String code) {
        for (JsonNode item : answer.path("items")) {
            if (item.path("trackingCode").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no " + code + " in " + answer);
    }
}
