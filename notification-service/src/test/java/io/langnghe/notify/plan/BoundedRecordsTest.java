package io.langnghe.notify.plan;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.MovableClock;
import io.langnghe.notify.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import static io.langnghe.notify.plan.NoticePlannerTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The planner on the real broker with exactly-once, fed what makes records grow: one case changed
 * 2,000 times in a night (every message held until morning) and an alert about 5,000 cases. No record
 * it writes, on its outputs or its stores' changelogs, comes near 256 KiB.
 */
class BoundedRecordsTest {

    private static final int LIMIT = 256 * 1024;
    private static final CaseStatus[] NIGHT = {CaseStatus.ANSWERED, CaseStatus.RESOLVED, CaseStatus.REOPENED, CaseStatus.IN_PROGRESS,
            CaseStatus.ACKNOWLEDGED};

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final Topics topics = SharedInfrastructure.createTopics(prefix);
    private final TopicProbe probe = SharedInfrastructure.topicProbe();
    private final MovableClock clock = new MovableClock(at("22:00"));
    private KafkaStreams streams;
    @TempDir
    Path state;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void aCaseWithTwoThousandActionsAndAnAlertAboutFiveThousandCasesKeepEveryRecordSmall() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        NotificationTopology.define(builder, topics, NoticePlannerTest.PLANNER, NotificationTopologyTest.ESCALATIONS,
                Duration.ofMillis(200), clock, noted -> { });
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + ".notification-planner");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        streams = new KafkaStreams(builder.build(), properties);
        streams.start();

        // Given one case that changes 2,000 times between 22:00 and 06:00 (quiet hours: everything is held)
        TestCases busy = TestCases.smsCase().id("case-busy").receivedAt(at("22:00"));
        List<CaseState> versions = new ArrayList<>();
        versions.add(busy.build());
        for (int i = 0; i < 2_000; i++) {
            versions.add(busy.then(NIGHT[i % NIGHT.length], at("22:00").plusSeconds(14L * i), "bước " + i).build());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (CaseState version : versions) {
                // as routing-streams keeps it: the case record carries its recent history only
                CaseState recent = version.withHistory(version.history().subList(Math.max(0, version.history().size() - 20),
                        version.history().size()));
                producer.send(new ProducerRecord<>(topics.cases().name(), "case-busy",
                        topics.cases().valueSerde().serializer().serialize("", recent)));
            }
            // and an early warning about an issue of 5,000 reports
            Alert alert = new Alert(Alert.SCHEMA_VERSION, "alert-big", "cluster:c-big", "critical", 95,
                    List.of(new Alert.Reason("reporters", "5000 người báo cùng một việc", 60)),
                    IntStream.range(0, 5_000).mapToObj(i -> "case-" + i).toList(), "kinh_te_ha_tang_do_thi", "tdp-05",
                    Category.GIAO_THONG_HA_TANG, at("22:00"));
            producer.send(new ProducerRecord<>(topics.alerts().name(), "alert-big", topics.alerts().valueSerde().serializer().serialize("", alert)));
        }

        // When the last change has been planned (held) and the morning comes, what was held goes out
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> probe.readAll(topics.notificationOutcomes().name(), Duration.ofSeconds(30)).stream().anyMatch(r -> r.value().contains("\"case-busy:2001:sms\"") && r.value().contains("\"held\"")));
        clock.set(at("07:00+1"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> probe.readAll(topics.notifications().name(), Duration.ofSeconds(30)).stream()
                .anyMatch(r -> r.key().equals("case-busy")));

        // Then no record on any of the planner's topics is near the limit
        List<String> written;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            written = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(prefix + "."))
                    .filter(name -> !name.equals(topics.cases().name()) && !name.equals(topics.alerts().name())).sorted().toList();
        }
        assertThat(written).contains(prefix + ".notification-planner-notification-memo-changelog",
                prefix + ".notification-planner-case-messages-changelog", topics.notifications().name());
        for (String topic : written) {
            for (ConsumerRecord<String, String> record : probe.readAll(topic, Duration.ofSeconds(30))) {
                int bytes = record.value() == null ? 0 : record.value().getBytes(StandardCharsets.UTF_8).length;
                assertThat(bytes).as("a record on %s", topic).isLessThan(LIMIT);
            }
        }
        // the morning's messages for the busy case: at most five held answers and one small update
        List<String> morning = probe.readAll(topics.notifications().name(), Duration.ofSeconds(30)).stream()
                .map(r -> r.key() + " " + r.value().length()).toList();
        assertThat(morning).as("the morning's messages").filteredOn(line -> line.startsWith("case-busy "))
                .hasSizeBetween(1, NoticePlanner.HELD_AT_MOST + 1);
    }
}
