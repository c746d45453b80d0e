package io.langnghe.routing;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.langnghe.contracts.kafka.CommandSignature;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The records the service writes stay far under Kafka's limit however long a case's life and however
 * large an incident, on the real broker: a case worked 2,000 times, an issue of 5,000 reports, and the
 * alert about it. (Its own topics, so the flood does not reach the other tests.)
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedRecordsIntegrationTest implements TestPropertyProvider {

    /** A flood through one stream thread on a shared machine: minutes, not seconds. */
    static final Duration BOUND = Duration.ofMinutes(15);
    static final int LIMIT = 256 * 1024;

    final String prefix = SharedInfrastructure.uniquePrefix();
    final Topics topics = SharedInfrastructure.createTopics(prefix);
    final TopicProbe probe = SharedInfrastructure.topicProbe();
    final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    @Override
    public @NonNull Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "langnghe.topics-prefix", prefix,
                "langnghe.local-stack", "true");
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void keepsEveryRecordUnder256KiBWithACaseOf2000ActionsAndAnIssueOf5000Reports() throws Exception {
        // Given a case a leader sends back and forth between the triage desk and its department 2,000 times
        FeedbackReceived light = feedback().id("fb-worked").text("Đèn đường ngõ 9 Hàm Nghi hỏng, tối om").build();
        send(topics.feedbackReceived().name(), light.feedbackId(), light);
        String department = read(awaitRecordsOf(topics.cases().name(), "fb-worked", 1).get(0).value(), CaseState.class).department();
        CaseCommand.Actor leader = new CaseCommand.Actor("lanhdao", "LEADER", null);
        for (int i = 0; i < 2000; i++) {
            boolean toTriage = i % 2 == 0;
            send(topics.caseCommands().name(), "fb-worked", CaseCommand.of("cmd-worked-" + i, "fb-worked",
                    toTriage ? CaseCommand.Type.RETURN_TO_TRIAGE : CaseCommand.Type.REASSIGN, leader, Instant.now())
                    .withDepartment(toTriage ? null : department).withText("Lần " + i));
        }
        // and 5,000 residents reporting one blocked drain
        String[] texts = {"Cống thoát nước ngõ 7 Trần Phú bị tắc, nước bẩn tràn ra đường",
                "Ngõ 7 Trần Phú cống bị tắc, nước thải tràn lên mặt đường",
                "cong thoat nuoc ngo 7 tran phu tac, nuoc ban tran ra duong"};
        for (int i = 0; i < 5000; i++) {
            FeedbackReceived report = feedback().id(String.format("fb-flood-%04d", i)).area("tdp-12").reporter("flood-" + i)
                    .text(texts[i % texts.length]).receivedAt(Instant.now()).build();
            send(topics.feedbackReceived().name(), report.feedbackId(), report);
        }
        producer.flush();

        // Then the case has every version, its record a bounded history, and every line is on the history topic
        List<ConsumerRecord<String, String>> worked = awaitRecordsOf(topics.cases().name(), "fb-worked", 2001);
        CaseState last = read(worked.get(worked.size() - 1).value(), CaseState.class);
        assertThat(last.version()).isEqualTo(2001);
        assertThat(last.history()).hasSizeLessThanOrEqualTo(50);
        assertThat(last.history().get(0).action()).isEqualTo("routed");
        assertThat(awaitRecordsOf(topics.caseHistory().name(), "fb-worked", 2001)).hasSize(2001);
        // and the 5,000 reports are one issue, whose alert names a bounded sample of them
        // (its first version carries its issue; the first report to reach the ward names it: the partitions of the petitions
        // are read side by side)
        CaseState lastReport = read(awaitRecordsOf(topics.cases().name(), "fb-flood-4999", 1).get(0).value(), CaseState.class);
        assertThat(lastReport.clusterId()).startsWith("issue-fb-flood-");
        List<Alert> alerts = probe.readAll(topics.alerts().name(), Duration.ofSeconds(30)).stream().map(r -> read(r.value(), Alert.class))
                .filter(a -> a.subject().equals("issue:" + lastReport.clusterId())).toList();
        assertThat(alerts).isNotEmpty().allSatisfy(a -> assertThat(a.caseIds()).hasSizeLessThanOrEqualTo(100));
        // and the issue's own record carries its counts, never its cases
        assertThat(probe.readAll(topics.issues().name(), Duration.ofSeconds(30))).as("issues.v1").isNotEmpty()
                .allSatisfy(r -> assertThat(r.value() == null ? 0 : r.value().getBytes(StandardCharsets.UTF_8).length)
                        .as("issue %s", r.key()).isLessThan(2048));

        // and no record written anywhere passes 256 KiB, the stores' changelogs included
        String application = prefix + ".routing-streams";
        for (String topic : List.of(topics.cases().name(), topics.caseCommands().name(), topics.alerts().name(),
                topics.caseHistory().name(), topics.issues().name(), application + "-ward-cases-changelog", application + "-warning-clusters-changelog",
                application + "-warning-cases-changelog", application + "-warning-alerts-changelog",
                application + "-warning-recent-changelog")) {
            assertThat(probe.readAll(topic, Duration.ofSeconds(30))).as(topic).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.value() == null ? 0 : r.value().getBytes(StandardCharsets.UTF_8).length)
                            .as("%s %s", topic, r.key()).isLessThanOrEqualTo(LIMIT));
        }
    }

    /** Waits until the topic holds at least {@code count} records with the key; returns them. */
    private List<ConsumerRecord<String, String>> awaitRecordsOf(String topic, String key, int count) {
        List<List<ConsumerRecord<String, String>>> seen = new ArrayList<>(List.of(List.of()));
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(5)).until(() -> {
            seen.set(0, probe.readAll(topic, Duration.ofSeconds(30)).stream().filter(r -> key.equals(r.key())).toList());
            return seen.get(0).size() >= count;
        });
        return seen.get(0);
    }

    private void send(String topic, String key, Object value) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(value);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
        // officers' commands count only signed, as search-service signs them
        record.headers().add(CommandSignature.HEADER, new CommandSignature(RoutingStreamsIntegrationTest.LOCAL_STACK_SECRET).sign(bytes));
        producer.send(record);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
