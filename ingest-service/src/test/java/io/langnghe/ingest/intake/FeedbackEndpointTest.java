package io.langnghe.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.access.Roles;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.Http;
import io.langnghe.ingest.TestIngest;
import io.langnghe.testsupport.SealedContacts;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.DRAIN;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** POST /api/feedback against the real broker: what the resident gets, and what lands on the topic. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackEndpointTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private Topics topics;
    private TopicProbe probe;
    private Http http;

    @Inject
    EmbeddedServer server;

    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        topics = SharedInfrastructure.createTopics(prefix);
        return TestIngest.properties(prefix,
                "langnghe.test.faulty-endpoint", "true");
    }

    @BeforeAll
    void connect() {
        probe = SharedInfrastructure.topicProbe();
        http = new Http(server.getURI());
    }

    @Test
    void acceptsAVietnamesePetitionOnlyOnceKafkaHoldsIt() {
        Instant before = Instant.now();

        HttpResponse<String> response = http.postJson("/api/feedback", petition().json());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = json(response);
        String feedbackId = receipt.get("feedbackId").asText();
        String trackingCode = receipt.get("trackingCode").asText();
        assertThat(UUID.fromString(feedbackId)).isNotNull();
        assertThat(TrackingCode.parse(trackingCode)).map(TrackingCode::display).contains(trackingCode);
        assertThat(receipt.get("status").asText()).isEqualTo("received");
        assertThat(receipt.get("trackUrl").asText()).isEqualTo("/api/track/" + trackingCode);
        assertThat(response.headers().firstValue("Location")).contains("/api/track/" + trackingCode);

        // Acknowledged before the 202: the record is already there, no waiting needed.
        List<ConsumerRecord<String, String>> records = recordsOf(feedbackId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        FeedbackReceived event = read(record.value());
        assertThat(record.key()).isEqualTo(feedbackId);
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.feedbackId()).isEqualTo(feedbackId);
        assertThat(event.trackingCode()).isEqualTo(trackingCode);
        assertThat(event.channel()).isEqualTo(Channel.WEB);
        assertThat(event.text()).isEqualTo(DRAIN);
        assertThat(Normalizer.isNormalized(event.text(), Normalizer.Form.NFC)).isTrue();
        assertThat(event.area()).isEqualTo("tdp-05");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).address()).isNull();
        assertThat(event.receivedAt()).isBetween(before.minusMillis(1), Instant.now());
        assertThat(event.receivedAt().toString()).isEqualTo(receipt.get("receivedAt").asText());
        assertThat(event.contact()).isEqualTo(new Contact(null, null, null, null, false));
        assertThat(event.batchId()).isNull();
        assertThat(event.caseRef()).isNull();
        assertThat(event.idempotencyKey()).isEqualTo(feedbackId);
        assertThat(event.client()).containsKey("userAgent");
        // Events are JSON with ISO-8601 timestamps and codes, as DESIGN.md says.
        assertThat(record.value()).contains("\"channel\":\"web\"", "\"receivedAt\":\"" + event.receivedAt() + "\"");
    }

    @Test
    void storesDecomposedTextComposed() {
        String nfd = Normalizer.normalize("Đèn đường ở ngõ 7 tổ dân phố 3 bị hỏng", Normalizer.Form.NFD);

        HttpResponse<String> response = http.postJson("/api/feedback", petition().text(nfd).channel("hotline").area("tdp-03").json(),
                "Authorization", "Bearer " + token("tongdai", Roles.OPERATOR));

        assertThat(response.statusCode()).isEqualTo(202);
        FeedbackReceived event = read(recordsOf(json(response).get("feedbackId").asText()).get(0).value());
        assertThat(event.text()).isEqualTo("Đèn đường ở ngõ 7 tổ dân phố 3 bị hỏng").isNotEqualTo(nfd);
        assertThat(event.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(event.client()).isEqualTo(Map.of("operator", "tongdai"));
    }

    @Test
    void recordsAFollowUpCallAsANewPetitionPointingAtTheEarlierCase() {
        String earlier = TrackingCode.generate().display();

        HttpResponse<String> response = http.postJson("/api/feedback", petition().channel("hotline")
                        .text("Gọi lại lần hai: cống vẫn tắc").with("caseRef", earlier.toLowerCase().replace("-", " ")).json(),
                "Authorization", "Bearer " + token("tongdai", Roles.OPERATOR));
        HttpResponse<String> misheard = http.postJson("/api/feedback", petition().with("caseRef", earlier.substring(0, 11) + "?").json());

        assertThat(response.statusCode()).isEqualTo(202);
        FeedbackReceived event = read(recordsOf(json(response).get("feedbackId").asText()).get(0).value());
        assertThat(event.caseRef()).isEqualTo(earlier);
        assertThat(event.trackingCode()).as("the caller still gets a code of their own").isNotEqualTo(earlier);
        assertProblem(misheard, 400, "caseRef");
    }

    @Test
    void takesHotlinePetitionsOnlyFromOperators() {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);
        String hotline = petition().channel("hotline").json();

        HttpResponse<String> anonymous = http.postJson("/api/feedback", hotline);
        HttpResponse<String> groupLeader = http.postJson("/api/feedback", hotline,
                "Authorization", "Bearer " + token("totruong.tdp-01", Roles.GROUP_LEADER));
        HttpResponse<String> web = http.postJson("/api/feedback", petition().json());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("detail").asText()).contains("OPERATOR");
        assertThat(groupLeader.statusCode()).isEqualTo(403);
        assertThat(groupLeader.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(web.statusCode()).as("the web channel stays anonymous").isEqualTo(202);
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before + 1);
    }

    @Test
    void keepsThePhoneInE164WithAMaskAndAKeyedHashSealedUnderTheCasesKey() {
        HttpResponse<String> response = http.postJson("/api/feedback", petition()
                .with("name", "Trần Thị Bình").with("phone", "0901.234.567").with("consentToContact", true)
                .with("address", "Số 12 ngõ 5 phố Đông Sơn").json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).doesNotContain("0901", "234567");
        String feedbackId = json(response).get("feedbackId").asText();
        String stored = recordsOf(feedbackId).get(0).value();
        assertThat(stored).as("the record on Kafka holds no contact in clear").doesNotContain("Bình", "901234567", "phố Đông Sơn");
        FeedbackReceived event = read(stored);
        assertThat(event.contact().sealed().keyId()).isEqualTo(feedbackId);
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).name()).isEqualTo("Trần Thị Bình");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).phone()).isEqualTo("+84901234567");
        assertThat(event.contact().phoneMasked()).isEqualTo("+84 90x xxx x67");
        assertThat(event.contact().contactHash()).hasSize(64).doesNotContain("901234567");
        assertThat(event.contact().consentToContact()).isTrue();
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).address()).isEqualTo("Số 12 ngõ 5 phố Đông Sơn");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                arguments("missing text", petition().without("text").json(), "text"),
                arguments("empty text", petition().text("").json(), "text"),
                arguments("blank text", petition().text("   \n  ").json(), "text"),
                arguments("text of 5,001 characters", petition().text("ư".repeat(5001)).json(), "text"),
                arguments("text not a string", petition().with("text", List.of("a")).json(), "text"),
                arguments("missing channel", petition().without("channel").json(), "channel"),
                arguments("unknown channel", petition().channel("carrier-pigeon").json(), "channel"),
                arguments("channel with its own endpoint", petition().channel("zalo").json(), "channel"),
                arguments("unknown area", petition().area("tdp-99").json(), "area"),
                arguments("malformed phone", petition().with("phone", "12 34").json(), "phone"),
                arguments("malformed JSON", "{\"text\": \"Cống tắc\", \"channel\": ", "body"),
                arguments("not an object", "[1, 2, 3]", "body"),
                arguments("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void refusesBadInputNamingTheFieldAndSendsNothing(String what, String body, String field) {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);

        HttpResponse<String> response = http.postJson("/api/feedback", body);

        assertProblem(response, 400, field);
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void refusesAMalformedIdempotencyKeyNamingItAndSendsNothing() {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);

        HttpResponse<String> response = http.postJson("/api/feedback", petition().json(), "Idempotency-Key", "two words");

        assertProblem(response, 400, "Idempotency-Key");
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void recordsTheBrowserItCameFromCutTo200Characters() {
        String shortAgent = "Mozilla/5.0 (Linux; Android 14) Zalo/24.1";
        String longAgent = "Mozilla/5.0 " + "x".repeat(300);

        FeedbackReceived fromShort = read(recordsOf(json(http.postJson("/api/feedback", petition().json(), "User-Agent", shortAgent))
                .get("feedbackId").asText()).get(0).value());
        FeedbackReceived fromLong = read(recordsOf(json(http.postJson("/api/feedback", petition().json(), "User-Agent", longAgent))
                .get("feedbackId").asText()).get(0).value());

        assertThat(fromShort.client()).containsEntry("userAgent", shortAgent);
        assertThat(fromLong.client()).containsEntry("userAgent", longAgent.substring(0, 200));
    }

    @Test
    void refusesABodyOverItsLimitWith413BeforeReadingIt() {
        byte[] sixMegabytes = petition().text("a".repeat(6_000_000)).json().getBytes(StandardCharsets.UTF_8);
        byte[] over64KiB = petition().with("address", "x".repeat(66_000)).json().getBytes(StandardCharsets.UTF_8);

        for (byte[] body : java.util.List.of(sixMegabytes, over64KiB)) {
            HttpResponse<String> response = http.postBytes("/api/feedback", body, "application/json");
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("title").asText()).isEqualTo("Nội dung quá lớn / Body too large");
        }
    }

    @Test
    void answersAWrongMediaTypeWithAProblemToo() {
        HttpResponse<String> response = http.postBytes("/api/feedback", "text=Cống tắc".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("title").asText()).contains(" / ");
    }

    @Test
    void answersAFaultOfOursWith500ProblemWithoutInternals() {
        HttpResponse<String> response = http.get("/test/fault");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("title").asText()).isEqualTo("Lỗi hệ thống / Server fault");
        assertThat(response.body()).doesNotContain("internal detail", "IllegalStateException");
    }

    @Test
    void answersARetryWithTheSameKeyWithTheFirstReceiptAndOneRecord() {
        String key = UUID.randomUUID().toString();
        String body = petition().text("Rác thải tồn đọng ở đầu ngõ 9 đã ba ngày").area("tdp-09").json();
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);

        HttpResponse<String> first = http.postJson("/api/feedback", body, "Idempotency-Key", key);
        HttpResponse<String> retry = http.postJson("/api/feedback", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before + 1);
        FeedbackReceived event = read(recordsOf(json(first).get("feedbackId").asText()).get(0).value());
        assertThat(event.idempotencyKey()).isEqualTo(key);
    }

    @Test
    void filesTheSameCaseWhenARetryReachesAnotherInstanceThatNeverSawTheFirst() {
        String key = UUID.randomUUID().toString();
        String body = petition().text("Đèn đường ngõ 12 Lê Lai hỏng ba hôm nay").area("tdp-12").json();
        HttpResponse<String> first = http.postJson("/api/feedback", body, "Idempotency-Key", key);

        // as after a lost 202: the retry goes to another instance (or this one restarted)
        try (EmbeddedServer another = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", "-1",
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "langnghe.topics-prefix", prefix,
                "langnghe.local-stack", "true"))) {
            HttpResponse<String> retry = new Http(another.getURI()).postJson("/api/feedback", body, "Idempotency-Key", key);

            assertThat(retry.statusCode()).isEqualTo(202);
            assertThat(json(retry).get("feedbackId")).as("the same case, which routing-streams opens once")
                    .isEqualTo(json(first).get("feedbackId"));
            assertThat(json(retry).get("trackingCode")).isEqualTo(json(first).get("trackingCode"));
        }
        HttpResponse<String> sameWordsOtherKey = http.postJson("/api/feedback", body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(json(sameWordsOtherKey).get("feedbackId")).as("another resident's identical words are another petition")
                .isNotEqualTo(json(first).get("feedbackId"));
    }

    @Test
    void refusesAKeyReusedForADifferentPetition() {
        String key = UUID.randomUUID().toString();
        http.postJson("/api/feedback", petition().json(), "Idempotency-Key", key);
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);

        HttpResponse<String> other = http.postJson("/api/feedback", petition().text("Mất điện cả tổ dân phố").json(),
                "Idempotency-Key", key);

        assertProblem(other, 422, "Idempotency-Key");
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void reportsHealthyAndCountsAcceptedPetitionsByChannel() {
        http.postJson("/api/feedback", petition().channel("hotline").json(), "Authorization", "Bearer " + token("tongdai", Roles.OPERATOR));

        HttpResponse<String> health = http.get("/health");
        HttpResponse<String> metrics = http.get("/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("langnghe_feedback_accepted_total\\{[^}]*channel=\"hotline\"[^}]*} [1-9]");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).startsWith("urn:langnghe:problem:");
        assertThat(problem.get("title").asText()).contains(" / ");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("errors")).isNotEmpty().anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message_vi").asText()).isNotBlank();
            assertThat(error.get("message_en").asText()).isNotBlank();
        });
    }

    private String token(String username, String role) {
        return tokens.generateToken(Authentication.build(username, List.of(role)), 600).orElseThrow();
    }

    private List<ConsumerRecord<String, String>> recordsOf(String feedbackId) {
        return probe.readAll(topics.feedbackReceived().name(), WITHIN).stream()
                .filter(record -> feedbackId.equals(record.key()))
                .toList();
    }

    private static FeedbackReceived read(String value) {
        try {
            return Json.mapper().readValue(value, FeedbackReceived.class);
        } catch (IOException e) {
            throw new AssertionError("not a FeedbackReceived: " + value, e);
        }
    }
}
