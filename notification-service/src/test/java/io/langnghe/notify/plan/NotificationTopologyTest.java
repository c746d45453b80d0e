package io.langnghe.notify.plan;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.ContactOptOut;
import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.MovableClock;
import io.langnghe.notify.TestCases;
import io.langnghe.notify.staff.Escalations;
import io.langnghe.notify.staff.StaffMail;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.testsupport.StateDirectories;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.langnghe.contracts.CaseStatus.ACKNOWLEDGED;
import static io.langnghe.contracts.CaseStatus.ANSWERED;
import static io.langnghe.notify.plan.NoticePlannerTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** cases.v1 in, notifications.v1 and the outcomes out, through the topology the service runs. */
class NotificationTopologyTest {

    static final Escalations ESCALATIONS = new Escalations(new StaffMail("phuong.example", "lanhdao",
            "https://canbo.example/officer.html#case="), Taxonomy.loadDefault(), "vi");

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
        NotificationTopology.define(builder, topics, NoticePlannerTest.PLANNER, ESCALATIONS, Duration.ofSeconds(5), clock,
                noted -> outbox.add(noted.outcome().status() + " " + noted.request().event()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-topology-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, StateDirectories.fresh());
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
    void aVersionWithoutANewStatusWritesNothingToThePlannersMemory() {
        TestOutputTopic<String, String> memo = driver.createOutputTopic("notification-topology-test-" + NotificationTopology.MEMO_STORE
                + "-changelog", new StringDeserializer(), new StringDeserializer());
        CaseState received = TestCases.smsCase().receivedAt(at("09:00")).build();
        // Given                                               When
        cases.pipeInput("case-1", received);                   // 09:00 received
        cases.pipeInput("case-1", received.withVersion(2));    // a risk assessed: no new status
        cases.pipeInput("case-1", received.withVersion(3));    // a deadline marked: no new status

        assertThat(memo.readKeyValuesToList()).hasSize(1);
        assertThat(notifications.readValuesToList()).extracting(NotificationRequest::idempotencyKey).containsExactly("case-1:1:sms");
    }

    @Test
    void aVersionMarkedAsOnlyAnAssessmentIsSkippedAndTheSameVersionUnmarkedIsReadAsBefore() {
        TestOutputTopic<String, String> memo = driver.createOutputTopic("notification-topology-test-" + NotificationTopology.MEMO_STORE
                + "-changelog", new StringDeserializer(), new StringDeserializer());
        TestCases sms = TestCases.smsCase().receivedAt(at("09:00"));
        CaseState answered = sms.then(ANSWERED, at("09:30")).build();
        Headers assessment = new RecordHeaders().add(CaseState.CHANGE_HEADER, CaseState.ASSESSMENT_CHANGE.getBytes(StandardCharsets.UTF_8));
        // Given                                                                      When
        cases.pipeInput("case-1", TestCases.smsCase().receivedAt(at("09:00")).build()); // 09:00 received, no header
        clock.set(at("09:30"));
        // the marked version even carries a new status: only the header decides, the JSON is never read
        cases.pipeInput(new TestRecord<>("case-1", answered, assessment, at("09:30")));

        assertThat(notifications.readValuesToList()).extracting(NotificationRequest::idempotencyKey).containsExactly("case-1:1:sms");
        assertThat(memo.readKeyValuesToList()).hasSize(1);
        assertThat(outcomes.isEmpty()).isTrue();
        assertThat(outbox).isEmpty();

        // records without the header (every one written before it existed) are read as before
        cases.pipeInput("case-1", answered);
        assertThat(notifications.readValuesToList()).extracting(r -> r.idempotencyKey() + " " + r.event())
                .containsExactly("case-1:2:sms answered");
        assertThat(memo.readKeyValuesToList()).hasSize(1);
    }

    @Test
    void releasesAMessageHeldByThePreviousVersionWhichKeptNoIndexOfDueTimes() {
        // Given the memo as the previous version left it: a message held until 07:00, and no index of due times
        NoticePlanner.Plan night = NoticePlannerTest.PLANNER.onCase(TestCases.smsCase().receivedAt(at("22:30")).build(), null, false,
                at("22:30"));
        KeyValueStore<String, CaseMemo> memos = driver.getKeyValueStore(NotificationTopology.MEMO_STORE);
        memos.put("case-1", night.memo());

        // When the morning comes
        clock.set(at("07:00+1"));
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        // Then it goes out, once
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(notifications.readValuesToList()).extracting(NotificationRequest::idempotencyKey).containsExactly("case-1:1:sms");
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

    @Test
    void mailsTheHeadOfDepartmentAndTheLeaderOnceWhenACaseBecomesOverdue() {
        TestCases late = TestCases.smsCase().receivedAt(at("09:00"));
        cases.pipeInput("case-1", late.build());
        notifications.readValuesToList();
        clock.set(at("10:00"));

        cases.pipeInput("case-1", late.deadline(DeadlineState.OVERDUE).then(ACKNOWLEDGED, at("10:00")).build());
        cases.pipeInput("case-1", late.then(CaseStatus.IN_PROGRESS, at("10:30")).build());   // still overdue: no second mail

        assertThat(notifications.readValuesToList()).filteredOn(r -> r.event().equals("escalation"))
                .extracting(NotificationRequest::recipient, NotificationRequest::idempotencyKey)
                .containsExactly(
                        tuple("truongphong.kinh_te_ha_tang_do_thi@phuong.example",
                                "escalation:overdue:case-1:truongphong.kinh_te_ha_tang_do_thi@phuong.example"),
                        tuple("lanhdao@phuong.example", "escalation:overdue:case-1:lanhdao@phuong.example"));
    }

    @Test
    void mailsTheHeadOfDepartmentAndTheLeaderWhenAnAlertIsRaisedForTheirDepartment() {
        TestInputTopic<String, Alert> alerts = driver.createInputTopic(topics.alerts().name(),
                topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer());
        alerts.pipeInput("alert-1", new Alert(Alert.SCHEMA_VERSION, "alert-1", "cluster:c-1", "warning", 70,
                List.of(new Alert.Reason("reporters", "3 người báo cùng một việc trong 7 ngày", 40)), List.of("case-1", "case-2"),
                "kinh_te_ha_tang_do_thi", "tdp-05", Category.MOI_TRUONG, at("09:00")));

        List<NotificationRequest> mails = notifications.readValuesToList();
        assertThat(mails).extracting(NotificationRequest::recipient)
                .containsExactly("truongphong.kinh_te_ha_tang_do_thi@phuong.example", "lanhdao@phuong.example");
        assertThat(mails.get(0).subject()).isEqualTo("Cảnh báo sớm (warning) cho Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(mails.get(0).text()).contains("3 người báo cùng một việc trong 7 ngày",
                "https://canbo.example/officer.html#case=case-1", "https://canbo.example/officer.html#case=case-2");
    }
}
