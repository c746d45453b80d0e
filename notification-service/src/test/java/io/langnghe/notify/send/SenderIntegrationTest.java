package io.langnghe.notify.send;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender against the real broker and an HTTP server that checks each request against the gateway's
 * documented JSON: each idempotency key reaches the gateway once, across duplicates, restarts and a lost
 * consumer group; failures are retried, then set aside.
 */
class SenderIntegrationTest {

    static final String PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";

    private final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private final List<Sender> running = new ArrayList<>();
    private Topics topics;
    private TopicProbe probe;
    @TempDir
    Path home;

    @BeforeEach
    void start() {
        gateway.start();
        gateway.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"CodeResult\":\"100\",\"CountRegenerate\":0,\"SMSID\":\"8a1f6c2e\"}")));
        topics = SharedInfrastructure.createTopics(SharedInfrastructure.uniquePrefix());
        probe = SharedInfrastructure.topicProbe();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Sender sender : running) {
            sender.stop();
        }
        gateway.stop();
    }

    @Test
    void handsEachMessageToTheGatewayOnceAcrossDuplicatesRestartsAndALostGroup() throws Exception {
        publish(request("case-1:1:sms", "received"), request("case-1:1:sms", "received"), request("case-1:2:sms", "acknowledged"));
        Sender first = start("group-a");
        awaitOutcomes(2);
        stop(first);

        // the planner's record read again after a crash, one new message, and a sender whose group lost its offsets
        publish(request("case-1:2:sms", "acknowledged"), request("case-1:3:sms", "answered"));
        start("group-b");
        awaitOutcomes(3);

        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(3);
        gateway.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-1:1:sms"))));
        gateway.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-1:2:sms"))));
        gateway.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-1:3:sms"))));
        gateway.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"ApiKey":"key","SecretKey":"secret","Phone":"84901234567","Content":"Lang Nghe: answered",
                 "Brandname":"DONGSON","SmsType":"2","IsUnicode":"0","RequestId":"case-1:3:sms",
                 "CallbackUrl":"http://notify.example/api/receipts/sms?key=case-1%3A3%3Asms"}""")));

        List<String> lines = Files.readAllLines(home.resolve("outbox/messages.jsonl"));
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line)
                .contains("\"channel\":\"sms\"", "\"to\":\"+84901234567\"", "\"caseId\":\"case-1\"", "\"status\":\"sent\""));
        assertThat(outcomes()).allSatisfy(outcome -> assertThat(outcome).doesNotContain("84901234567"));
    }

    @Test
    void retriesAFailingGatewayWithBackOffThenSetsTheMessageAside() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-2:1:sms")))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("once"));
        gateway.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-2:1:sms")))
                .inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("twice"));
        gateway.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-3:1:sms")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"CodeResult\":\"101\",\"ErrorMessage\":\"Authorize Failed\"}")));

        publish(request("case-2:1:sms", "received"), request("case-3:1:sms", "received"));
        start("group-a");

        List<String> settled = awaitOutcomes(3);
        assertThat(settled).containsExactlyInAnyOrder("case-2:1:sms sent", "case-3:1:sms failed", "case-3:1:sms dead_letter");
        gateway.verify(3, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-2:1:sms"))));
        gateway.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.RequestId", equalTo("case-3:1:sms"))));
        assertThat(probe.readAll(topics.notificationsDlq().name(), Duration.ofSeconds(10)))
                .extracting(ConsumerRecord::key).containsExactly("case-3");
    }

    private NotificationRequest request(String key, String event) {
        String caseId = key.substring(0, key.indexOf(':'));
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, key, caseId, Long.parseLong(key.split(":")[1]),
                "RNR2DHWRQ8", event, "sms", TestCases.PHONE, "sms/" + event + ".vi", "vi", null, "Lang Nghe: " + event, false,
                Instant.parse("2026-11-26T02:00:00Z"), List.of(), null, false, null);
    }

    private void publish(NotificationRequest... requests) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, NotificationRequest> producer = new KafkaProducer<>(properties,
                topics.notifications().keySerde().serializer(), topics.notifications().valueSerde().serializer())) {
            for (NotificationRequest request : requests) {
                producer.send(new ProducerRecord<>(topics.notifications().name(), request.caseId(), request)).get();
            }
        }
    }

    private Sender start(String group) {
        SmsGateway sms = new SmsGateway(URI.create(gateway.baseUrl() + PATH), "key", "secret", "DONGSON",
                "http://notify.example/api/receipts/sms", null);
        Sender sender = new Sender(SharedInfrastructure.kafkaBootstrapServers(), io.langnghe.contracts.kafka.KafkaLogin.plaintext(), topics.notifications().name() + "." + group, topics,
                List.of(sms), Outbox.at(home.resolve("outbox/messages.jsonl")),
                new Sender.Retry(3, Duration.ofMillis(100), Duration.ofMillis(400)), Clock.systemUTC());
        Thread thread = new Thread(sender, "sender-" + group);
        thread.start();
        running.add(sender);
        return sender;
    }

    private void stop(Sender sender) {
        sender.stop();
        running.remove(sender);
    }

    private List<String> outcomes() {
        return probe.readAll(topics.notificationOutcomes().name(), Duration.ofSeconds(10)).stream().map(ConsumerRecord::value).toList();
    }

    /** Waits for {@code count} outcomes, then returns them as "key status". */
    private List<String> awaitOutcomes(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes().size() >= count);
        return probe.readAll(topics.notificationOutcomes().name(), Duration.ofSeconds(10)).stream()
                .map(r -> io.langnghe.contracts.Json.mapper().convertValue(
                        readTree(r.value()), MessageOutcome.class))
                .map(o -> o.idempotencyKey() + " " + o.status()).toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return io.langnghe.contracts.Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
