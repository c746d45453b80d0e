package io.langnghe.search.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A letter whose requests became cases, read from the real index: the letter's department sees where each
 * went and how it stands, and opens only its own; the request's department sees which letter it came from;
 * the resident's tracking code shows each request's status and answer, masked, with no code or contact of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterRequestsShownTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState letter;
    private CaseState drain;
    private CaseState racing;
    private String schoolId;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishALetterAndTwoOfItsRequests() throws Exception {
        String letterId = "case-letter-" + System.nanoTime();
        schoolId = CaseState.childId(letterId, 3);
        drain = request(letterId, 1, "Cống ngõ 5 tắc.", INFRASTRUCTURE, Category.GIAO_THONG_HA_TANG).status(CaseStatus.ANSWERED)
                .publicAnswer("Đã nạo vét ngày 12/7; ông Nguyễn Văn An gọi 0912 345 678 nếu còn tắc.").build();
        racing = request(letterId, 2, "Đua xe ban đêm.", "cong_an", Category.AN_NINH_TRAT_TU).build();
        // the third was accepted a moment ago: on the letter, not indexed yet
        letter = TestCases.caseState().caseId(letterId).trackingCode(TrackingCode.generate().value())
                .letter(CaseState.Letter.NONE.withChildren(List.of(new CaseState.Child(1, drain.caseId(), INFRASTRUCTURE),
                        new CaseState.Child(2, racing.caseId(), "cong_an"), new CaseState.Child(3, schoolId, "van_hoa_xa_hoi"))))
                .build();
        for (CaseState state : List.of(drain, racing, letter)) {
            stack.publish(state);
        }
        String leader = Login.token(client, "lanhdao");
        await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/cases?size=10").bearerAuth(leader), JsonNode.class).path("total").asLong() == 3);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void theLettersOfficerSeesEachRequestsDepartmentAndStatusAndOpensOnlyTheirOwn() {
        JsonNode page = casePage(letter.caseId(), "canbo." + INFRASTRUCTURE);

        JsonNode requests = page.path("letter").path("requests");
        assertThat(requests).extracting(r -> r.path("index").asInt()).containsExactly(1, 2, 3);
        assertThat(requests).extracting(r -> r.path("caseId").asText()).containsExactly(drain.caseId(), racing.caseId(), schoolId);
        assertThat(requests).extracting(r -> r.path("status").asText(null)).containsExactly("answered", "assigned", null);
        assertThat(requests).extracting(r -> r.path("department").path("vi").asText())
                .containsExactly("Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường", "Phòng Văn hóa - Xã hội");
        assertThat(requests).extracting(r -> r.path("opens").asBoolean()).containsExactly(true, false, false);
        assertThat(requests.toString()).as("no other department's text or contact").doesNotContain("Đua xe", "contact");
    }

    @Test
    void aLeaderOpensEveryRequest() {
        JsonNode requests = casePage(letter.caseId(), "lanhdao").path("letter").path("requests");

        assertThat(requests).extracting(r -> r.path("opens").asBoolean()).containsExactly(true, true, true);
    }

    @Test
    void theRequestsOfficerSeesWhichLetterItCameFromButNotTheLetter() {
        JsonNode page = casePage(racing.caseId(), "canbo.cong_an");

        assertThat(page.path("letter").path("letterId").asText()).isEqualTo(letter.caseId());
        assertThat(page.path("letter").path("index").asInt()).isEqualTo(2);
        assertThat(page.path("letter").path("requests")).isEmpty();
        assertThat(page.path("actions")).extracting(JsonNode::asText).contains("merge_back");
        HttpClientResponseException other = catchThrowableOfType(() -> casePage(letter.caseId(), "canbo.cong_an"),
                HttpClientResponseException.class);
        assertThat(other.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void theTrackingCodeShowsEachRequestsStatusAndMaskedAnswerWithNoCodeOrContactOfItsOwn() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/api/track/" + TrackingCode.display(letter.trackingCode())));
        JsonNode requests = client.toBlocking().retrieve(HttpRequest.GET("/api/track/" + letter.trackingCode()), JsonNode.class)
                .path("requests");

        assertThat(requests).extracting(r -> r.path("number").asInt()).containsExactly(1, 2, 3);
        assertThat(requests).extracting(r -> r.path("status").asText(null)).containsExactly("answered", "assigned", null);
        assertThat(requests).extracting(r -> r.path("department").path("code").asText())
                .containsExactly(INFRASTRUCTURE, "cong_an", "van_hoa_xa_hoi");
        assertThat(requests.get(0).path("category").path("code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(requests.get(0).path("publicAnswer").asText())
                .isEqualTo("Đã nạo vét ngày 12/7; ông [họ tên] gọi [số điện thoại] nếu còn tắc.");
        assertThat(requests.get(1).path("publicAnswer").asText(null)).as("not answered yet").isNull();
        assertThat(body).doesNotContain(drain.caseId(), letter.caseId(), "Cống ngõ 5", "Đua xe", "0912", "Nguyễn Văn An",
                "\"contact\"", "\"text\"", "+84901234567");
        assertThat(body.split("\"trackingCode\"", -1)).as("the letter's code alone").hasSize(2);
    }

    /** A case made of one request of the letter, as routing-streams opens it: no tracking code of its own. */
    private static TestCases request(String letterId, int index, String text, String department, Category category) {
        return TestCases.caseState().caseId(CaseState.childId(letterId, index)).trackingCode(null).text(text)
                .department(department).category(category).letter(CaseState.Letter.requestOf(letterId, index));
    }

    private JsonNode casePage(String caseId, String username) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/cases/" + caseId).bearerAuth(Login.token(client, username)),
                JsonNode.class);
    }
}
