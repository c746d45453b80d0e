package io.langnghe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's promise, as the resident sees it on their phone: a petition texted to the ward gets an SMS
 * when it is received, when the department acknowledges it and when it answers, in that order, each
 * within 10 seconds, the answer with a link to the tracking page that works; restarting
 * notification-service in between sends nothing twice. The four services run as processes on the real
 * Kafka and Elasticsearch; an HTTP server in this JVM stands in for the brandname SMS gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentHearsBackBySmsTest {

    private static final String GATEWAY_PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    private static final String DRAIN = "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên";

    private final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private ServiceStack stack;

    @BeforeAll
    void startTheServicesAndTheGateway() {
        gateway.start();
        gateway.stubFor(post(urlEqualTo(GATEWAY_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"CodeResult\":\"100\",\"CountRegenerate\":0,\"SMSID\":\"e2e\"}")));
        stack = ServiceStack.start(Map.of(
                "LANGNGHE_SMS_GATEWAY_URL", gateway.baseUrl() + GATEWAY_PATH,
                "LANGNGHE_SECRETS_SMS_API_KEY", "e2e-key",
                "LANGNGHE_SECRETS_SMS_SECRET_KEY", "e2e-secret",
                // quiet hours and merging are the planner's tables; here every change is sent as it happens, at any hour
                "LANGNGHE_NOTIFY_QUIET_FROM", "00:00",
                "LANGNGHE_NOTIFY_QUIET_UNTIL", "00:00",
                "LANGNGHE_NOTIFY_MERGE_WINDOW", "0s",
                "LANGNGHE_NOTIFY_RELEASE_EVERY", "1s"));
    }

    @AfterAll
    void stopThem() {
        if (stack != null) {
            stack.close();
        }
        gateway.stop();
    }

    @Test
    void residentWhoTextedGetsReceivedAcknowledgedAndAnsweredOnceEachInOrder() {
        String trackingUrl = "http://127.0.0.1:" + stack.ingestPort() + "/track.html?code=";
        // Given a resident texts the ward from 0912 345 678
        Http.Answer filed = Http.postJson(stack.ingest() + "/api/channels/sms",
                "{\"from\":\"0912 345 678\",\"text\":\"" + DRAIN + "\",\"messageId\":\"e2e-" + UUID.randomUUID() + "\"}",
                Map.of("X-Langnghe-Webhook-Secret", "langnghe-demo"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        String caseId = filed.json().path("feedbackId").asText();
        String code = filed.json().path("trackingCode").asText().replace("-", "");

        // Then the "received" SMS reaches the gateway within 10 s
        awaitMessages(1);
        // and a restart of notification-service sends nothing again
        stack.restart("notification-service");

        // When the department acknowledges the case, then answers it
        String officer = stack.login("canbo.kinh_te_ha_tang_do_thi", "langnghe-demo");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + officer);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                Http.postJson(stack.search() + "/api/cases/" + caseId + "/actions", "{\"type\":\"acknowledge\"}", auth).status() == 202);
        awaitMessages(2);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                Http.postJson(stack.search() + "/api/cases/" + caseId + "/actions",
                        "{\"type\":\"answer\",\"text\":\"Đội vệ sinh đã thông cống ngõ 5 sáng nay.\"}", auth).status() == 202);
        List<JsonNode> messages = awaitMessages(3);

        // Then the gateway got exactly these three, in order, to the resident's number, none twice
        assertThat(messages).extracting(m -> m.path("Phone").asText()).containsOnly("84912345678");
        assertThat(messages).extracting(m -> m.path("RequestId").asText())
                .containsExactly(caseId + ":1:sms", caseId + ":2:sms", caseId + ":3:sms");
        assertThat(messages.get(0).path("Content").asText()).contains("da nhan kien nghi", code.substring(0, 4));
        assertThat(messages.get(1).path("Content").asText()).contains("da tiep nhan kien nghi");
        String answer = messages.get(2).path("Content").asText();
        assertThat(answer).contains("Doi ve sinh da thong cong ngo 5 sang nay.", trackingUrl + code);
        assertThat(messages).allSatisfy(m -> assertThat(m.path("IsUnicode").asText()).isEqualTo("0"));

        // And the link in the answer opens the tracking page, where the code finds the answered case
        String link = answer.substring(answer.indexOf(trackingUrl));
        assertThat(Http.get(link, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Http.Answer tracked = Http.get(stack.search() + "/api/track/" + code, null);
            assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
            assertThat(tracked.json().path("status").asText()).isEqualTo("answered");
        });
    }

    /** Waits up to 10 s for the gateway to hold {@code count} messages, then returns their JSON bodies in arrival order. */
    private List<JsonNode> awaitMessages(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.findAll(postRequestedFor(urlEqualTo(GATEWAY_PATH))).size() >= count);
        List<LoggedRequest> requests = gateway.findAll(postRequestedFor(urlEqualTo(GATEWAY_PATH)));
        assertThat(requests).as("messages at the gateway").hasSize(count);
        return requests.stream().map(r -> new Http.Answer(200, "application/json", r.getBodyAsString()).json()).toList();
    }
}
