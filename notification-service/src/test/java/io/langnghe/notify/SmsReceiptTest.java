package io.langnghe.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.receipt.ReceiptToken;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the real broker and an SMS gateway that answers as eSMS does: the gateway calls
 * back the URL it was given with its delivery report, and the officer then sees the message delivered
 * (or failed) in the case's messages; a report without the right token is refused and records nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsReceiptTest implements TestPropertyProvider {

    static final String PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    // The service's clock is StaffMailTest's (its @Factory is on this classpath too): urgent cases go out
    // at once at whatever hour that test left it.
    static final Clock CLOCK = StaffMailTest.CLOCK;
    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private Topics topics;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JwtTokenGenerator tokens;

    @Override
    public @NonNull Map<String, String> getProperties() {
        GATEWAY.start();
        GATEWAY.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"CodeResult\":\"100\",\"CountRegenerate\":0,\"SMSID\":\"8a1f6c2e\"}")));
        topics = SharedInfrastructure.createTopics(prefix);
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
        properties.put("langnghe.topics-prefix", prefix);
        properties.put("micronaut.server.port", "-1");
        properties.put("langnghe.notifications.sms.url", GATEWAY.baseUrl() + PATH);
        properties.put("langnghe.notifications.sms.receipt-url", "http://notify.example/api/receipts/sms");
        properties.put("langnghe.notifications.sms.receipt-secret", "receipt-secret");
        properties.put("langnghe.notifications.staff.look-every", "1h");
        try {
            properties.put("langnghe.streams.state-dir", Files.createTempDirectory("notify-receipts").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    @AfterAll
    void stopGateway() {
        GATEWAY.stop();
    }

    @Test
    void showsTheGatewaysDeliveryReportInTheCasesMessages() throws Exception {
        // the history store answers once the planner runs: until then a read fails, hence ignoreExceptions
        // Given two residents' cases whose "received" SMS the gateway accepted
        publish(TestCases.smsCase().urgent().id("case-ok").receivedAt(CLOCK.instant()).build(),
                TestCases.smsCase().urgent().id("case-lost").receivedAt(CLOCK.instant()).build());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> messages("case-ok").contains("\"status\":\"sent\"")
                && messages("case-lost").contains("\"status\":\"sent\""));

        // When the gateway reports one delivered (SendStatus 5) and the other rejected (4), as eSMS calls back
        String delivered = http.toBlocking().retrieve(HttpRequest.GET(
                callback("case-ok:1:sms") + "&SMSID=8a1f6c2e&SendStatus=5&SendSuccess=1&SendFailed=0&RequestId=case-ok:1:sms"));
        http.toBlocking().retrieve(HttpRequest.GET(
                callback("case-lost:1:sms") + "&SMSID=8a1f6c2e&SendStatus=4&SendSuccess=0&SendFailed=1&RequestId=case-lost:1:sms"));

        // Then the officer sees each message's outcome after "sent", without the resident's phone
        assertThat(delivered).contains("\"outcome\":\"delivered\"");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> messages("case-ok").contains("\"status\":\"delivered\"")
                && messages("case-lost").contains("\"status\":\"failed\""));
        assertThat(statuses("case-ok")).containsExactly("sent", "delivered");
        assertThat(statuses("case-lost")).containsExactly("sent", "failed");
        assertThat(messages("case-ok")).contains("\"template\":\"sms/received.vi\"", "\"event\":\"received\"")
                .doesNotContain("84901234567");
    }

    @Test
    void healthNamesTheSenderAndPrometheusItsLag() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String health = http.toBlocking().retrieve(HttpRequest.GET("/health"), String.class);
            assertThat(health).contains("\"sender\"", "\"running\":true");
        });
        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
        assertThat(metrics).contains("langnghe_consumer_lag{consumer=\"sender\",service=\"notification-service\"}",
                "langnghe_notifications_sender_replaced_total");
    }

    @Test
    void refusesAReportWithoutTheRightTokenAndRecordsNothing() throws Exception {
        publish(TestCases.smsCase().urgent().id("case-forged").receivedAt(CLOCK.instant()).build());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> messages("case-forged").contains("\"status\":\"sent\""));

        // a token for another message, and none at all
        String otherToken = ReceiptToken.of("receipt-secret", "case-ok:1:sms");
        for (String uri : List.of("/api/receipts/sms?key=case-forged:1:sms&token=" + otherToken + "&SendStatus=4",
                "/api/receipts/sms?key=case-forged:1:sms&SendStatus=4")) {
            HttpClientResponseException refused = catchThrowableOfType(
                    () -> http.toBlocking().retrieve(HttpRequest.GET(uri)), HttpClientResponseException.class);
            assertThat(refused.getStatus().getCode()).isEqualTo(401);
            assertThat(refused.getResponse().getContentType()).hasValueSatisfying(type ->
                    assertThat(type.toString()).isEqualTo("application/problem+json"));
            assertThat(refused.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                    assertThat(body).contains("Không xác thực được báo cáo / Receipt not authenticated"));
        }
        // a genuine token for a message never sent
        HttpClientResponseException unknown = catchThrowableOfType(() -> http.toBlocking().retrieve(HttpRequest.GET(
                "/api/receipts/sms?key=case-none:1:sms&token=" + ReceiptToken.of("receipt-secret", "case-none:1:sms") + "&SendStatus=5")),
                HttpClientResponseException.class);
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);

        // a later genuine receipt is the first thing after "sent": the refused ones left no trace
        http.toBlocking().retrieve(HttpRequest.GET(callback("case-forged:1:sms") + "&SendStatus=5"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> messages("case-forged").contains("\"status\":\"delivered\""));
        assertThat(statuses("case-forged")).containsExactly("sent", "delivered");
    }

    /** The CallbackUrl the gateway was given for this message, as a path on this service. */
    private String callback(String key) throws Exception {
        LoggedRequest sent = GATEWAY.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .filter(r -> r.getBodyAsString().contains("\"RequestId\":\"" + key + "\"")).findFirst().orElseThrow();
        URI given = URI.create(Json.mapper().readTree(sent.getBodyAsString()).path("CallbackUrl").asText());
        assertThat(given.getPath()).isEqualTo("/api/receipts/sms");
        return given.getRawPath() + "?" + given.getRawQuery();
    }

    private String messages(String caseId) {
        String officer = tokens.generateToken(Authentication.build("canbo.kinh_te_ha_tang_do_thi", List.of("OFFICER"),
                Map.of("department", "kinh_te_ha_tang_do_thi")), 600).orElseThrow();
        return http.toBlocking().retrieve(HttpRequest.GET("/api/cases/" + caseId + "/messages").bearerAuth(officer), String.class);
    }

    private List<String> statuses(String caseId) throws Exception {
        List<String> statuses = new java.util.ArrayList<>();
        Json.mapper().readTree(messages(caseId)).path("outcomes").forEach(o -> statuses.add(o.path("status").asText()));
        return statuses;
    }

    private void publish(CaseState... cases) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, CaseState> producer = new KafkaProducer<>(properties, topics.cases().keySerde().serializer(),
                topics.cases().valueSerde().serializer())) {
            for (CaseState c : cases) {
                producer.send(new ProducerRecord<>(topics.cases().name(), c.caseId(), c)).get();
            }
        }
    }
}
