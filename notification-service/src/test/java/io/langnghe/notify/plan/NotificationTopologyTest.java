package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.ContactOptOut;
import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.MovableClock;
import io.langnghe.notify.TestCases;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.langnghe.contracts.CaseStatus.ACKNOWLEDGED;
import static io.langnghe.contracts.CaseStatus.ANSWERED;
import static io.langnghe.notify.plan.NoticePlannerTest.at;
import static org.assertj.core.api.Assertions.assertThat;

/** cases.v1 in, notifications.v1 and the outcomes out, through the topology the service runs. */
class NotificationTopologyTest {

    private final Topics topics = Topics.defaults();
    private final MovableClock clock = new MovableClock(at("09:00"));
    private final List<String> outbox = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, CaseState> cases;
    private TestInputTopic<String, ContactOptOut> optOuts;
    private TestOutputTopic<String, NotificationRequest> notifications;
    private TestOutputTopic<String, MessageOutcome> outcomes;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        NotificationTopology.define(builder, topics, NoticePlannerTest.PLANNER, Duration.ofSeconds(5), clock,
                noted -> outbox.add(noted.outcome().status() + " " + noted.request().event()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-topology-test");
        driver = new TopologyTestDriver(builder.build(), properties, at("09:00"));
        cases = driver.createInputTopic(topics.cases().name(), topics.cases().keySerde().serializer(),
                topics.cases().valueSerde().serializer());
        optOuts = driver.createInputTopic(topics.contactOptOuts().name(), topics.contactOptOuts().keySerde().serializer(),
                topics.contactOptOuts().valueSerde().serializer());
        notifications = driver.createOutputTopic(topics.notifications().name(), topics.notifications().keySerde().deserializer(),
                topics.notifications().valueSerde().deserializer());
        outcomes = driver.createOutputTopic(topics.notificationOutcomes().name(),
                topics.notificationOutcomes().keySerde().deserializer(), topics.notificationOutcomes().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void sendsEachChangeOnceKeyedByCaseAndReleasesTheHeldOneWhenItsTimeComes() {
        TestCases sms = TestCases.smsCase().receivedAt(at("09:00"));
        // Given                                                      When (wall clock)
        cases.pipeInput("case-1", sms.build());                       // 09:00 received
        cases.pipeInput("case-1", sms.build());                       // the same version read again
        clock.set(at("09:04"));
        cases.pipeInput("case-1", sms.then(ACKNOWLEDGED, at("09:04")).build());
        clock.set(at("09:10"));
        driver.advanceWallClockTime(Duration.ofMinutes(10));          // the merge window ends
        clock.set(at("09:30"));
        cases.pipeInput("case-1", sms.then(ANSWERED, at("09:30")).build());

        // Then
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.idempotencyKey() + " " + kv.value.event())
                .containsExactly(
                        "case-1 case-1:1:sms received",
                        "case-1 case-1:2:sms acknowledged",
                        "case-1 case-1:3:sms answered");
        assertThat(outcomes.readValuesToList()).extracting(o -> o.status() + " " + o.event() + " " + o.note())
                .containsExactly("held acknowledged held until 09:10");
        assertThat(outbox).containsExactly("held acknowledged");
    }

    @Test
    void suppressesMessagesToAContactThatSentStop() {
        optOuts.pipeInput("hash-1", new ContactOptOut(ContactOptOut.SCHEMA_VERSION, "hash-1", "sms", true, at("08:00")));
        cases.pipeInput("case-1", TestCases.smsCase().receivedAt(at("09:00")).build());

        assertThat(notifications.isEmpty()).isTrue();
        MessageOutcome suppressed = outcomes.readValue();
        assertThat(suppressed.status()).isEqualTo("suppressed");
        assertThat(suppressed.note()).isEqualTo("the resident sent STOP");
        assertThat(suppressed.toString()).doesNotContain(TestCases.PHONE);
    }
}
