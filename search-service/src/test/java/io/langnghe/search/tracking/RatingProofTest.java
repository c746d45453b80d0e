package io.langnghe.search.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The tracking code may have been shared or seen over a shoulder: rating and "not fixed" need the
 * code and the last 4 digits of the phone the resident gave. Without a phone the code alone rates
 * once, and its "not fixed" goes to an officer instead of reopening. Against the real broker and
 * Elasticsearch.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingProofTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Contact WITH_PHONE = new Contact("Lê Thị Hoa", "+84912345678", "+84 91x xxx x78", "hash-hoa", true);
    private static final Contact WITHOUT_PHONE = new Contact(null, null, null, null, false);

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState withPhone;
    private CaseState guessedAt;
    private CaseState withoutPhone;
    private CaseState ratedWithoutPhone;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishCases() throws Exception {
        withPhone = answered(WITH_PHONE).build();
        guessedAt = answered(WITH_PHONE).build();
        withoutPhone = answered(WITHOUT_PHONE).build();
        ratedWithoutPhone = answered(WITHOUT_PHONE).rating(new Rating(3, null, true, Instant.parse("2026-11-20T08:00:00Z"))).build();
        for (CaseState state : List.of(withPhone, guessedAt, withoutPhone, ratedWithoutPhone)) {
            stack.publish(state);
        }
        for (CaseState state : List.of(withPhone, guessedAt, withoutPhone, ratedWithoutPhone)) {
            await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                    .exchange(HttpRequest.GET("/api/track/" + state.trackingCode())).getStatus().getCode() == 200);
        }
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void theCodeAloneCannotRateWhenAPhoneWasGiven() {
        HttpClientResponseException refused = refused(rate(withPhone, Map.of("stars", 1, "fixed", false)));

        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        assertThat(refused.getResponse().getBody(JsonNode.class).orElseThrow().path("errors").findValuesAsText("field"))
                .containsExactly("proof");
        assertThat(commandsFor(withPhone)).isEmpty();
    }

    @Test
    void wrongDigitsAreRefusedAndAfterFiveTheCodeMustWait() {
        for (String wrong : List.of("0000", "1234", "4321", "8765", "9999")) {
            HttpClientResponseException refused = refused(rate(guessedAt, Map.of("stars", 1, "fixed", false, "proof", wrong)));
            assertThat(refused.getStatus().getCode()).as(wrong).isEqualTo(403);
            assertThat(refused.getResponse().getBody(JsonNode.class).orElseThrow().path("type").asText())
                    .isEqualTo("urn:langnghe:problem:proof-mismatch");
        }

        HttpClientResponseException locked = refused(rate(guessedAt, Map.of("stars", 1, "fixed", false, "proof", "5678")));

        assertThat(locked.getStatus().getCode()).as("even the right digits, once locked").isEqualTo(429);
        assertThat(Long.parseLong(locked.getResponse().getHeaders().get("Retry-After"))).isBetween(1L, Duration.ofHours(24).toSeconds());
        assertThat(commandsFor(guessedAt)).isEmpty();
    }

    @Test
    void theLastFourDigitsProveItAndANotFixedReopens() throws Exception {
        HttpResponse<JsonNode> accepted = client.toBlocking().exchange(
                rate(withPhone, Map.of("stars", 2, "fixed", false, "proof", "５６７８")), JsonNode.class);

        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        assertThat(accepted.body().path("reopens").asBoolean()).isTrue();
        JsonNode command = JSON.readTree(command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("rating").path("proven").asBoolean()).isTrue();
        assertThat(command.toString()).doesNotContain("5678", "proof\"");
    }

    @Test
    void withoutAPhoneTheCodeRatesOnceAndANotFixedWaitsForAnOfficer() throws Exception {
        HttpResponse<JsonNode> accepted = client.toBlocking().exchange(
                rate(withoutPhone, Map.of("stars", 1, "fixed", false)), JsonNode.class);

        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        assertThat(accepted.body().path("reopens").asBoolean(true)).isFalse();
        JsonNode command = JSON.readTree(command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("rating").path("proven").asBoolean(true)).isFalse();

        HttpClientResponseException again = refused(rate(ratedWithoutPhone, Map.of("stars", 1, "fixed", false)));
        assertThat(again.getStatus().getCode()).isEqualTo(409);
        assertThat(again.getResponse().getBody(JsonNode.class).orElseThrow().path("type").asText())
                .isEqualTo("urn:langnghe:problem:already-rated");
        assertThat(commandsFor(ratedWithoutPhone)).isEmpty();
    }

    private static TestCases answered(Contact contact) {
        return TestCases.caseState().trackingCode(TrackingCode.generate().value()).status(CaseStatus.ANSWERED)
                .contact(contact).publicAnswer("Đã nạo vét cống.");
    }

    private static HttpRequest<?> rate(CaseState state, Map<String, Object> body) {
        return HttpRequest.POST("/api/track/" + state.trackingCode() + "/rating", body);
    }

    private ConsumerRecord<String, String> command(String commandId) {
        return await().atMost(WITHIN).until(() -> SharedInfrastructure.topicProbe()
                        .readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                        .filter(r -> r.value().contains("\"" + commandId + "\"")).toList(),
                found -> found.size() == 1).get(0);
    }

    private List<ConsumerRecord<String, String>> commandsFor(CaseState state) {
        return SharedInfrastructure.topicProbe().readAll(stack.topics().caseCommands().name(), Duration.ofSeconds(2)).stream()
                .filter(r -> state.caseId().equals(r.key()))
                .toList();
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JsonNode.class));
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }
}
