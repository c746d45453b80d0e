package io.langnghe.routing;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.SpikeInForce;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.cases.UrgentWords;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.classify.Corpus;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.WorkingCalendar;
import io.langnghe.routing.warning.AlertBook;
import io.langnghe.routing.warning.Cluster;
import io.langnghe.routing.warning.EarlyWarningTopology;
import io.langnghe.routing.warning.WarningSettings;
import io.langnghe.routing.warning.WarningWords;
import io.langnghe.testsupport.StateDirectories;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The early warning through the routing topology, as leaders would see it: reports of one problem
 * become one issue, alerts come once per subject and level, an acknowledgement quiets a subject until
 * it worsens, and every case carries its issue and its risk with the reasons.
 */
class EarlyWarningTopologyTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final Topics topics = Topics.withPrefix("test");
    /** Monday 5 October 2026, 09:00 in Thanh Hóa. */
    static final Instant monday = Instant.parse("2026-10-05T02:00:00Z");
    static final Deadlines deadlines = new Deadlines(WorkingCalendar.loadDefault(), 1, 10);
    static BlendedClassifier classifier;

    /** The topic everything of a ward crosses to its task by. */
    static final String WARD_INPUTS = "early-warning-test-ward-inputs-repartition";

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> received;
    TestInputTopic<String, AlertAck> acks;
    TestInputTopic<String, CaseCommand> commands;
    TestOutputTopic<String, CaseState> casesOut;
    TestOutputTopic<String, Alert> alertsOut;
    TestOutputTopic<String, CaseCommand> commandsOut;
    TestOutputTopic<String, IssueState> issuesOut;
    final Map<String, CaseState> cases = new LinkedHashMap<>();
    /** Each issue's latest record on issues.v1, as a compaction keeps it (a tombstone removes it). */
    final Map<String, IssueState> issues = new LinkedHashMap<>();
    final List<Alert> alerts = new ArrayList<>();

    @BeforeAll
    static void train() {
        classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS, Corpus.load(Corpus.TRAINING));
    }

    @BeforeEach
    void start() {
        start(Stores::persistentKeyValueStore);
    }

    /** @param stores on disk, as in service; in memory for thousands of reports (the driver commits, so RocksDB flushes, after each) */
    void start(Function<String, KeyValueBytesStoreSupplier> stores) {
        StreamsBuilder builder = new StreamsBuilder();
        RoutingTopology.define(builder, topics, classifier, new Router(taxonomy, 0.5, 0.2), new CaseOpening(deadlines),
                new CaseLifecycle(taxonomy, deadlines), new DeadlineWatch(0.8, Duration.ofMinutes(1)), Clock.fixed(monday, ZoneOffset.UTC),
                stores, CommandAuthority.unchecked(),
                EarlyWarningTopology.of(taxonomy, WarningSettings.loadDefault(), WarningWords.loadDefault(UrgentWords.loadDefault())));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "early-warning-test");
        config.put(StreamsConfig.STATE_DIR_CONFIG, StateDirectories.fresh());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config, monday);
        received = driver.createInputTopic(topics.feedbackReceived().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        commands = driver.createInputTopic(topics.caseCommands().name(), Serdes.String().serializer(),
                topics.caseCommands().valueSerde().serializer());
        acks = driver.createInputTopic(topics.alertAcks().name(), Serdes.String().serializer(), topics.alertAcks().valueSerde().serializer());
        casesOut = driver.createOutputTopic(topics.cases().name(), Serdes.String().deserializer(), topics.cases().valueSerde().deserializer());
        alertsOut = driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(), topics.alerts().valueSerde().deserializer());
        commandsOut = driver.createOutputTopic(topics.caseCommands().name(), Serdes.String().deserializer(),
                topics.caseCommands().valueSerde().deserializer());
        issuesOut = driver.createOutputTopic(topics.issues().name(), Serdes.String().deserializer(), topics.issues().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void threeResidentsReportingOneBlockedDrainAreOneIssueAndOneAlert() {
        report(feedback().id("a1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        report(feedback().id("a2").reporter("r2").text("Ngõ 45 Hàm Nghi cống bị tắc mấy hôm nay, nước thải tràn lên mặt đường"), 2);
        assertThat(alerts).as("two residents are not yet an alert").isEmpty();

        report(feedback().id("a3").reporter("r3").text("cong thoat nuoc ngo 45 ham nghi tac, nuoc ban tran ra duong hoi thoi"), 5);

        assertThat(cases.get("a1").clusterId()).isNotNull()
                .isEqualTo(cases.get("a2").clusterId()).isEqualTo(cases.get("a3").clusterId());
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("issue:" + cases.get("a1").clusterId());
            assertThat(alert.level()).isEqualTo("warning");
            assertThat(alert.caseIds()).containsExactly("a1", "a2", "a3");
            assertThat(alert.department()).isEqualTo(cases.get("a3").department());
            assertThat(alert.reasons()).extracting(Alert.Reason::code).contains("reporters", "fast_arrival");
        });
        assertThat(cases.get("a3").risk().reasons()).extracting(Alert.Reason::code).contains("reporters");
        assertThat(cases.get("a3").history()).extracting(h -> h.action()).contains("assess");

        report(feedback().id("a4").reporter("r4").text("Cống ngõ 45 Hàm Nghi vẫn tắc, nước bẩn tràn vào nhà"), 8);
        assertThat(alerts).as("once per subject and level").hasSize(1);
    }

    @Test
    void aReportOpensWithItsIssueOnItsFirstVersionAndTheCaseItRepeatsIsToldInAVersionMarkedAsAnAssessment() {
        TestOutputTopic<String, byte[]> wardIn = driver.createOutputTopic(WARD_INPUTS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        TestOutputTopic<String, byte[]> memos = changelog("warning-cases");
        pipe(feedback().id("a1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        pipe(feedback().id("a2").reporter("r2").text("Ngõ 45 Hàm Nghi cống bị tắc mấy hôm nay, nước thải tràn lên mặt đường"), 2);

        List<TestRecord<String, CaseState>> versions = casesOut.readRecordsToList();
        assertThat(versions).extracting(r -> r.value().caseId() + " v" + r.value().version() + (r.value().clusterId() == null ? "" : " in issue")
                        + (CaseState.isAssessmentChange(r.headers()) ? ", an assessment" : ""))
                .containsExactly("a1 v1", "a1 v2 in issue, an assessment", "a2 v1 in issue");
        CaseState a2 = versions.get(2).value();
        assertThat(a2.clusterId()).isEqualTo(versions.get(1).value().clusterId());
        assertThat(a2.history()).extracting(HistoryEntry::version, HistoryEntry::action).as("opened and joined: one change")
                .containsExactly(tuple(1L, "routed"), tuple(1L, "assess"));
        assertThat(commandsOut.readValuesToList()).as("no assess command crosses a topic").isEmpty();
        assertThat(wardIn.readRecordsToList()).as("each petition crosses to its ward once").hasSize(2);
        assertThat(memos.readRecordsToList()).as("what the warning keeps of a case, without its fingerprint")
                .allSatisfy(r -> assertThat(r.value().length).isLessThan(1024));
    }

    @Test
    void anAcknowledgedIssueStaysQuietUntilItWorsens() {
        for (int i = 1; i <= 3; i++) {
            report(feedback().id("b" + i).reporter("r" + i).text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường lần " + i), i);
        }
        Alert first = alerts.get(0);
        acks.pipeInput(first.subject(), new AlertAck(AlertAck.SCHEMA_VERSION, first.alertId(), first.subject(), first.level(),
                "lanhdao", "LEADER", monday.plus(Duration.ofHours(4))), monday.plus(Duration.ofHours(4)));
        report(feedback().id("b4").reporter("r4").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 5);
        collect();
        assertThat(alerts).as("acknowledged, and not worse by much: %s", alerts).hasSize(1);

        report(feedback().id("b5").reporter("r5").text("Cống thoát nước ngõ 45 Hàm Nghi tắc, nước bẩn tràn ra đường"), 6);
        report(feedback().id("b6").reporter("r6").text("Cống thoát nước ngõ 45 Hàm Nghi tắc nghẽn, nước bẩn tràn ra đường"), 7);

        assertThat(alerts).hasSizeGreaterThan(1);
        assertThat(alerts.subList(1, alerts.size())).as("each one worse than at the acknowledgement").allSatisfy(alert -> {
            assertThat(alert.subject()).isEqualTo(first.subject());
            assertThat(alert.alertId()).isNotEqualTo(first.alertId());
            assertThat(alert.riskScore() >= first.riskScore() + 15 || alert.level().equals("critical")).isTrue();
        });
        assertThat(alerts.get(alerts.size() - 1).level()).as("six residents").isEqualTo("critical");
    }

    @Test
    void aCaseAnOfficerSplitsOffLeavesItsIssueForGood() {
        report(feedback().id("g1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        report(feedback().id("g2").reporter("r2").text("Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường"), 1);
        String issue = cases.get("g2").clusterId();
        CaseState g2 = cases.get("g2");

        commands.pipeInput("g2", CaseCommand.of("split-1", "g2", CaseCommand.Type.SPLIT,
                new CaseCommand.Actor("canbo." + g2.department(), "OFFICER", g2.department()), monday.plus(Duration.ofHours(2)))
                .withText("Nhà bên kia đường, cống khác"), monday.plus(Duration.ofHours(2)));
        collect();
        report(feedback().id("g3").reporter("r3").text("Cống thoát nước ngõ 45 Hàm Nghi tắc, nước bẩn tràn ra đường"), 3);

        assertThat(cases.get("g2").clusterId()).as("split off, and not joined back").isNull();
        assertThat(cases.get("g3").clusterId()).isEqualTo(issue);
        assertThat(cases.get("g3").risk().reasons()).filteredOn(r -> r.code().equals("reporters"))
                .singleElement().satisfies(r -> assertThat(r.description()).startsWith("2 "));
        assertThat(alerts).as("two residents on the issue, not three").isEmpty();
    }

    @Test
    void aReportJoinsTheIssueOfANeighbouringAreaButNotOfAFarOne() {
        report(feedback().id("c1").area("tdp-07").reporter("r1").text("Đèn đường trên đường Lê Hoàn đoạn qua tổ 7 mất điện, tối om"), 0);
        report(feedback().id("c2").area("tdp-08").reporter("r2").text("Đường Lê Hoàn đèn đường mất điện cả đoạn, tối om rất nguy hiểm"), 1);
        report(feedback().id("c3").area("tdp-20").reporter("r3").text("Đèn đường trên đường Lê Hoàn mất điện, tối om"), 2);

        assertThat(cases.get("c2").clusterId()).isNotNull().isEqualTo(cases.get("c1").clusterId());
        assertThat(cases.get("c3").clusterId()).as("tdp-20 is not next to tdp-07 or tdp-08").isNull();
    }

    @Test
    void aReportWithoutAnAreaIsScoredAloneAndTheWarningGoesOn() {
        report(feedback().id("h1").area(null).reporter("r1").text("Cống thoát nước bị tắc, nước bẩn tràn ra đường, trẻ em phải lội"), 0);
        report(feedback().id("h2").area(null).reporter("r2").text("Cống thoát nước bị tắc, nước bẩn tràn ra đường"), 1);
        report(feedback().id("h3").reporter("r3").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 2);

        assertThat(cases.get("h1").clusterId()).isNull();
        assertThat(cases.get("h1").risk().reasons()).extracting(Alert.Reason::code).containsExactly("vulnerable");
        assertThat(cases.get("h2").clusterId()).as("no place, so nothing is near").isNull();
        assertThat(cases.get("h3").version()).as("the next petition is still routed").isEqualTo(1);
    }

    @Test
    void aRepeatCallNamingItsCaseJoinsItAndCountsAsTheResidentComingBack() {
        report(feedback().id("d1").reporter("r1").text("Hàng xóm xây tường lấn sang đất nhà tôi ở tổ 3"), 0);
        report(feedback().id("d2").reporter("r1").caseRef("DS-d1").text("Tôi gọi lại về việc hôm trước, vẫn chưa ai xuống"), 30);

        assertThat(cases.get("d2").clusterId()).isNotNull().isEqualTo(cases.get("d1").clusterId());
        assertThat(cases.get("d2").risk().reasons()).extracting(Alert.Reason::code).contains("repeat_contact");
    }

    @Test
    void aLoneCaseIsScoredWithItsReasons() {
        report(feedback().id("e1").reporter("r1")
                .text("Khu tập thể tổ 9 mất nước ba ngày, người già và trẻ em khổ sở, đã báo nhiều lần rồi không ai giải quyết"), 0);

        CaseState state = cases.get("e1");
        assertThat(state.clusterId()).isNull();
        assertThat(state.risk().reasons()).extracting(Alert.Reason::code).containsExactly("escalation", "vulnerable");
        assertThat(state.risk().score()).isEqualTo(40);
        assertThat(state.risk().level()).isEqualTo("watch");
        assertThat(alerts).as("a watch is not an alert").isEmpty();
    }

    /**
     * A lone case opens with the risk its own words decide, the very score the early warning gives a case
     * alone: no assess command, no second version.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # text                                                                                   | reasons             | score | level
            Khu tập thể tổ 9 mất nước, người già và trẻ em khổ sở, đã báo nhiều lần rồi không ai giải quyết | escalation,vulnerable | 40  | watch
            Dây điện đứt rơi xuống ngõ 7, trẻ em đi học qua đây                                      | vulnerable,safety   | 45    | watch
            Nhà bên cạnh bốc cháy, khói đen, sẽ kiện nếu không ai xử lý                              | escalation,safety   | 55    | warning
            Quán karaoke tổ 5 hát to sau 23 giờ, tôi đã làm đơn                                      | escalation          | 25    | watch
            Đèn đường ngõ 12 Lê Lợi bị hỏng mấy hôm nay                                              | -                   | 0     | -
            """)
    void aLoneCaseOpensWithTheRiskItsOwnWordsDecide(String text, String reasons, int score, String level) {
        report(feedback().id("l1").reporter("r1").text(text), 0);

        CaseState state = cases.get("l1");
        assertThat(state.version()).as("one version: the risk came with it").isEqualTo(1);
        assertThat(commandsOut.readValuesToList()).as("no assess command").isEmpty();
        if (reasons == null) {
            assertThat(state.risk()).as("nothing to say, as before: no risk").isNull();
            return;
        }
        assertThat(state.risk().reasons()).extracting(Alert.Reason::code).containsExactly(reasons.split(","));
        assertThat(state.risk().score()).isEqualTo(score);
        assertThat(state.risk().level()).isEqualTo(level);
    }

    @Test
    void aLoneCaseOfASpikeIsToldWhatItsOwnWordsDoNotSay() {
        String[] texts = {"Rác thải tập kết sai giờ ở đầu ngõ 3", "Có người đổ trộm phế thải xây dựng ra bãi đất trống",
                "Xe chở rác làm rơi vãi rác dọc đường Nguyễn Trãi", "Mùi hôi từ xưởng chế biến cá khô sau nhà, trẻ em bị ho",
                "Đốt rác bốc khói đen mỗi tối ở cuối xóm"};
        for (int i = 0; i < texts.length; i++) {
            report(feedback().id("p" + i).area("tdp-11").reporter("r" + i).text(texts[i]), i);
        }

        CaseState spiked = cases.values().stream().filter(c -> c.clusterId() == null && c.risk() != null
                && c.risk().reasons().stream().anyMatch(r -> r.code().equals("spike"))).findFirst().orElseThrow();
        assertThat(spiked.version()).as("the early warning knew of the spike: the case opened with it, one version").isEqualTo(1);
    }

    /**
     * Once the early warning has said a spike is in force, a lone report of its area and category opens with it: one
     * version of the case, no assess command. A spike nobody reports into for an hour is over for an opening, and
     * the early warning says it is over (a tombstone) at the next report that no longer sees it.
     */
    @Test
    void aLoneCaseOpenedInASpikeTheWarningSaidCarriesItOnItsFirstVersion() {
        TestOutputTopic<String, SpikeInForce> spikesOut = driver.createOutputTopic(topics.spikes().name(),
                Serdes.String().deserializer(), topics.spikes().valueSerde().deserializer());
        String[] texts = {"Rác thải tập kết sai giờ ở đầu ngõ 3", "Có người đổ trộm phế thải xây dựng ra bãi đất trống",
                "Xe chở rác làm rơi vãi rác dọc đường Nguyễn Trãi", "Mùi hôi từ xưởng chế biến cá khô sau nhà, trẻ em bị ho",
                "Đốt rác bốc khói đen mỗi tối ở cuối xóm"};
        for (int i = 0; i < texts.length; i++) {
            report(feedback().id("p" + i).area("tdp-11").reporter("r" + i).text(texts[i]), monday.plus(Duration.ofMinutes(10L * i)));
        }
        List<KeyValue<String, SpikeInForce>> said = spikesOut.readKeyValuesToList();
        assertThat(said).as("said once, when it started").singleElement().satisfies(spike -> {
            assertThat(spike.key).isEqualTo("tdp-11|moi_truong");
            assertThat(spike.value.count()).isGreaterThanOrEqualTo(spike.value.threshold());
        });
        commandsOut.readValuesToList();

        report(feedback().id("p5").area("tdp-11").reporter("r5").text("Bãi rác tự phát cạnh trường mầm non bốc mùi"),
                monday.plus(Duration.ofMinutes(50)));
        assertThat(cases.get("p5").version()).as("one version").isEqualTo(1);
        assertThat(cases.get("p5").risk().reasons()).extracting(Alert.Reason::code).contains("spike");
        assertThat(commandsOut.readValuesToList()).as("no assess command").isEmpty();

        report(feedback().id("q1").area("tdp-11").reporter("r6").text("Rác thải ùn ứ ở chợ Đông Sơn hai ngày chưa thu gom"),
                monday.plus(Duration.ofHours(30)));
        assertThat(cases.get("q1").risk() == null ? List.of() : cases.get("q1").risk().reasons())
                .extracting(r -> ((Alert.Reason) r).code()).as("a day later: no spike").doesNotContain("spike");
        assertThat(spikesOut.readKeyValuesToList()).as("over: its tombstone")
                .containsExactly(KeyValue.pair("tdp-11|moi_truong", null));
    }

    @Test
    void aSpikeInOneAreaIsAnAlertForItsDepartment() {
        String[] texts = {"Rác thải tập kết sai giờ ở đầu ngõ 3", "Có người đổ trộm phế thải xây dựng ra bãi đất trống",
                "Xe chở rác làm rơi vãi rác dọc đường Nguyễn Trãi", "Mùi hôi từ xưởng chế biến cá khô sau nhà",
                "Đốt rác bốc khói đen mỗi tối ở cuối xóm"};
        for (int i = 0; i < texts.length; i++) {
            report(feedback().id("s" + i).area("tdp-11").reporter("r" + i).text(texts[i]), i);
        }

        assertThat(alerts).filteredOn(a -> a.subject().startsWith("spike:")).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("spike:tdp-11:moi_truong");
            assertThat(alert.department()).isEqualTo(taxonomy.defaultDepartmentFor(Category.MOI_TRUONG));
            assertThat(alert.caseIds()).hasSizeGreaterThanOrEqualTo(4);
        });
    }

    /**
     * Two thousand reports of rubbish in one area within a day, each about its own ngõ: a spike of lone reports, as
     * large as it grows. Its alert and each report's reason still say so, and no report alone is counted as an issue.
     */
    @Test
    void aSpikeOfTwoThousandLoneReportsIsStillASpikeAndNoneOfThemIsCountedAsAnIssue() {
        stop();
        start(Stores::inMemoryKeyValueStore);
        TestOutputTopic<String, byte[]> issueHours = changelog("warning-issue-hours");
        int reports = 2000;
        for (int i = 0; i < reports; i++) {
            report(feedback().id(String.format("lone-%04d", i)).area("tdp-11").reporter("r" + i)
                    .text("Rác thải đổ trộm ở đầu ngõ " + (i + 1) + ", bốc mùi hôi"), monday.plus(Duration.ofSeconds(40L * i)));
        }

        assertThat(cases.values()).as("each about its own ngõ: alone").hasSize(reports)
                .allSatisfy(c -> assertThat(c.clusterId()).isNull());
        assertThat(alerts).filteredOn(a -> a.subject().startsWith("spike:")).extracting(Alert::subject, Alert::level)
                .containsExactly(tuple("spike:tdp-11:moi_truong", "warning"), tuple("spike:tdp-11:moi_truong", "critical"));
        // the count the early warning last said, at most half an hour (45 reports) before
        assertThat(cases.get("lone-1999").risk().reasons()).filteredOn(r -> r.code().equals("spike")).singleElement()
                .satisfies(r -> assertThat(Integer.parseInt(r.description().split(" ")[0])).isBetween(1955, 2000))
                .satisfies(r -> assertThat(r.description()).contains(" phản ánh moi_truong tại tdp-11"));
        assertThat(cases.values()).filteredOn(c -> c.risk() != null && c.risk().reasons().stream().anyMatch(r -> r.code().equals("spike")))
                .as("once the spike is said, a report opens in it: one version, no assess command")
                .hasSizeGreaterThan(1990).filteredOn(c -> c.version() > 1).hasSizeLessThan(5);
        assertThat(issueHours.readRecordsToList()).as("a report alone is in its hour's count, not an issue of its own").isEmpty();
    }

    /**
     * Ninety reports of rubbish in one area within 15 hours, two thirds of them about the same heap: a spike, but the
     * heap's issue says it better, so its alert comes and the spike's does not. The previous version counted each report
     * alone as an issue of one in warning-issue-hours: such counts give the same answer, and go with the hourly sweep.
     */
    @ParameterizedTest(name = "reports alone counted by the previous version: {0}")
    @ValueSource(booleans = {false, true})
    void aSpikeMostlyOfOneIssueIsThatIssuesAlertAndNotASpike(boolean countedByThePreviousVersion) {
        String[] heap = {"Rác thải ở đầu ngõ 7 Trần Phú không được thu gom, bốc mùi hôi thối",
                "Ngõ 7 Trần Phú rác thải ùn ứ mấy ngày không ai thu gom, hôi thối",
                "rac thai o ngo 7 tran phu khong duoc thu gom, boc mui hoi thoi"};
        KeyValueStore<String, Long> issueHours = driver.getKeyValueStore("warning-issue-hours");
        List<String> alone = new ArrayList<>();
        int heapReports = 0;
        for (int i = 0; i < 90; i++) {
            Instant at = monday.plus(Duration.ofMinutes(10L * i));
            if (i % 3 < 2) {
                report(feedback().id(String.format("heap-%02d", i)).area("tdp-11").reporter("r" + i).text(heap[heapReports++ % heap.length]), at);
                continue;
            }
            String id = String.format("lone-%02d", i);
            report(feedback().id(id).area("tdp-11").reporter("r" + i).text("Có người đổ trộm phế thải xây dựng ở ngõ " + (100 + i)), at);
            alone.add(id);
            if (countedByThePreviousVersion) {
                issueHours.put(String.format("tdp-11|moi_truong|%010d|%s", at.getEpochSecond() / 3600, id), 1L);
            }
        }

        String issue = cases.get("heap-00").clusterId();
        assertThat(issue).isNotNull();
        assertThat(issues.get(issue).reports()).isEqualTo(60);
        assertThat(alone).allSatisfy(id -> assertThat(cases.get(id).clusterId()).as(id).isNull());
        assertThat(alerts).extracting(Alert::subject).as("the issue's alert, not the spike's")
                .containsExactly("issue:" + issue, "issue:" + issue);
        assertThat(alone).as("nor does a report alone say it is part of a spike").allSatisfy(id ->
                assertThat(cases.get(id).risk() == null ? List.<Alert.Reason>of() : cases.get(id).risk().reasons())
                        .extracting(Alert.Reason::code).doesNotContain("spike"));

        // two days later, a report in another area also runs the hourly sweep
        report(feedback().id("later").area("tdp-20").reporter("r-later").text("Đèn đường trên đường Lê Hoàn mất điện, tối om"),
                monday.plus(Duration.ofDays(3)));
        List<String> left = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = issueHours.all()) {
            all.forEachRemaining(e -> left.add(e.key));
        }
        assertThat(left).as("the hourly sweep forgets Monday's counts, whoever wrote them").noneMatch(key -> key.startsWith("tdp-11|"));
    }

    @Test
    void anOverdueCaseIsAnAlertOnce() {
        report(feedback().id("f1").reporter("r1").text("Đề nghị cấp lại giấy xác nhận cư trú, tôi nộp hồ sơ từ tuần trước"), 0);
        driver.advanceWallClockTime(Duration.ofDays(2));
        collect();
        driver.advanceWallClockTime(Duration.ofDays(1));
        collect();

        assertThat(alerts).filteredOn(a -> a.subject().equals("overdue:f1")).singleElement()
                .satisfies(alert -> assertThat(alert.caseIds()).containsExactly("f1"));
    }

    @Test
    void aBurstOfLookAlikesIsOneIssueWithAtMostThreeCaseRecordsPerReport() {
        List<Written> written = lookAlikes("z", 120, monday);

        String issue = cases.get("z-000").clusterId();
        assertThat(issue).isNotNull();
        assertThat(cases.values()).as("every report is the one issue").allSatisfy(c -> assertThat(c.clusterId()).isEqualTo(issue));
        assertThat(issues).as("the issue's current level is its own record's").containsOnlyKeys(issue)
                .hasEntrySatisfying(issue, state -> {
                    assertThat(state.level()).isEqualTo("warning");
                    assertThat(state.reports()).isEqualTo(120);
                    assertThat(state.reporters()).isEqualTo(120);
                });
        assertThat(alerts).filteredOn(a -> a.subject().equals("issue:" + issue)).extracting(Alert::level)
                .containsExactly("warning", "critical");
        assertThat(written.get(1).caseRecords()).as("the report that starts the issue opens in it, and the case it repeats is told")
                .isEqualTo(2);
        assertThat(written.subList(2, written.size())).as("records to cases.v1 and case.commands.v1 per report after it: its first version")
                .allSatisfy(w -> assertThat(w.caseRecords()).isEqualTo(1));
        assertThat(written.stream().mapToInt(Written::caseRecords).sum()).as("in all").isLessThanOrEqualTo(3 * written.size());
        assertThat(written.subList(1, written.size())).as("one record of the issue per report")
                .allSatisfy(w -> assertThat(w.issueRecords()).hasSize(1));
    }

    @Test
    void residentsComingBackToAnIssueCostAtMostThreeCaseRecordsEachAndTheIssueSaysItIsCritical() {
        TestOutputTopic<String, byte[]> raw = driver.createOutputTopic(topics.issues().name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        int residents = 200;
        List<Written> first = lookAlikes("first", residents, monday);
        String issue = cases.get("first-000").clusterId();
        assertThat(issues.get(issue).level()).as("two hundred residents, once each").isEqualTo("warning");

        // ten minutes after the last of them, each of the same residents calls again: still not fixed
        List<Written> again = lookAlikes("again", residents, monday.plus(Duration.ofSeconds(20L * residents)).plus(Duration.ofMinutes(10)));

        assertThat(again).as("records to cases.v1 and case.commands.v1 per report of the second round")
                .allSatisfy(w -> assertThat(w.caseRecords()).isLessThanOrEqualTo(3));
        assertThat(first.subList(1, residents)).as("one record of the issue per report").allSatisfy(w -> assertThat(w.issueRecords()).hasSize(1));
        assertThat(again).as("one record of the issue per report").allSatisfy(w -> assertThat(w.issueRecords()).hasSize(1));
        Written crossing = again.stream().filter(w -> w.issueRecords().get(0).level().equals("critical")).findFirst().orElseThrow();
        assertThat(crossing.issueRecords()).as("the report that made it critical says so in the issue's own record").singleElement()
                .satisfies(state -> assertThat(state.risk().reasons()).extracting(Alert.Reason::code).contains("repeat_contact"));
        assertThat(cases.get(crossing.caseId()).risk().level()).as("and the case that crossed it joined at critical").isEqualTo("critical");
        assertThat(cases.get("first-000").version()).as("a member is told once, when it joins: opened, then joined").isEqualTo(2);
        assertThat(issues.get(issue)).satisfies(state -> {
            assertThat(state.level()).isEqualTo("critical");
            assertThat(state.reports()).isEqualTo(2 * residents);
            assertThat(state.reporters()).isEqualTo(residents);
            assertThat(state.version()).as("one version per change").isEqualTo(2L * residents - 1);
        });
        assertThat(raw.readValuesToList()).as("an issue's record: counts and reasons, never its cases")
                .allSatisfy(bytes -> assertThat(bytes.length).isLessThan(2048));
    }

    @Test
    void anIssueWhoseCasesAreAllFixedIsForgottenAfterTheWindowWithATombstone() {
        report(feedback().id("t1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        report(feedback().id("t2").reporter("r2").text("Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường"), 1);
        String issue = cases.get("t2").clusterId();
        assertThat(issues).containsKey(issue);
        int n = 0;
        for (String id : List.of("t1", "t2")) {
            CaseState c = cases.get(id);
            CaseCommand.Actor officer = new CaseCommand.Actor("canbo." + c.department(), "OFFICER", c.department());
            for (CaseCommand.Type type : List.of(CaseCommand.Type.ACKNOWLEDGE, CaseCommand.Type.ANSWER, CaseCommand.Type.RESOLVE)) {
                Instant at = monday.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(++n));
                commands.pipeInput(id, CaseCommand.of(id + "-" + n, id, type, officer, at).withText("Đã nạo vét cống"), at);
            }
        }
        collect();
        assertThat(issues).as("fixed, but not yet forgotten").containsKey(issue);

        report(feedback().id("t3").area("tdp-20").reporter("r3").text("Đèn đường trên đường Lê Hoàn mất điện, tối om"), 24 * 8);

        assertThat(issues).as("a tombstone: compaction forgets it too").doesNotContainKey(issue);

        report(feedback().id("t4").reporter("r1").caseRef("DS-t1").text("Tôi gọi lại về cống ngõ 45 Hàm Nghi, lại tắc rồi"), 24 * 8 + 1);

        String again = cases.get("t4").clusterId();
        assertThat(again).as("a repeat call makes an issue again, under a new id: the index still holds the forgotten one's tombstone")
                .isNotNull().isNotEqualTo(issue);
        assertThat(issues.get(again).version()).isEqualTo(1);
        assertThat(issues).doesNotContainKey(issue);
    }

    /**
     * The hourly sweep reads only what is due; stores kept by the previous version have no such entries yet, and the
     * first sweep after the upgrade finds their issues and subjects all the same.
     */
    @ParameterizedTest(name = "kept by the previous version: {0}")
    @ValueSource(booleans = {false, true})
    void aQuietIssueAndItsAlertAreForgottenWhileAnIssueStillReportedIsKept(boolean keptByThePreviousVersion) {
        report(feedback().id("q1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        report(feedback().id("q2").reporter("r2").text("Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường"), 1);
        report(feedback().id("q3").reporter("r3").text("cong thoat nuoc ngo 45 ham nghi tac, nuoc ban tran ra duong hoi thoi"), 2);
        String fixed = cases.get("q1").clusterId();
        int n = 0;
        for (String id : List.of("q1", "q2", "q3")) {
            CaseState c = cases.get(id);
            CaseCommand.Actor officer = new CaseCommand.Actor("canbo." + c.department(), "OFFICER", c.department());
            for (CaseCommand.Type type : List.of(CaseCommand.Type.ACKNOWLEDGE, CaseCommand.Type.ANSWER, CaseCommand.Type.RESOLVE)) {
                Instant at = monday.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(++n));
                commands.pipeInput(id, CaseCommand.of(id + "-" + n, id, type, officer, at).withText("Đã nạo vét cống"), at);
            }
        }
        // a street light of another area, reported on Monday and by a third resident five days later: still open
        report(feedback().id("l1").area("tdp-20").reporter("r4").text("Đèn đường trên đường Lê Hoàn mất điện, tối om"), 4);
        report(feedback().id("l2").area("tdp-20").reporter("r5").text("Đèn đường Lê Hoàn mất điện, cả đoạn đường tối om"), 5);
        report(feedback().id("l3").area("tdp-20").reporter("r6").text("den duong le hoan mat dien toi om, nguy hiem"), 24 * 5);
        String lit = cases.get("l3").clusterId();
        assertThat(lit).isNotNull().isEqualTo(cases.get("l1").clusterId());
        assertThat(alerts).extracting(Alert::subject).contains("issue:" + fixed, "issue:" + lit);
        KeyValueStore<String, AlertBook> said = driver.getKeyValueStore("warning-alerts");
        if (keptByThePreviousVersion) {
            KeyValueStore<String, String> due = driver.getKeyValueStore("warning-quiet");
            List<String> entries = new ArrayList<>();
            try (KeyValueIterator<String, String> all = due.all()) {
                all.forEachRemaining(e -> entries.add(e.key));
            }
            assertThat(entries).isNotEmpty();
            entries.forEach(due::delete);
        }

        report(feedback().id("x1").area("tdp-07").reporter("r7").text("Karaoke hát đến 1 giờ sáng, ồn ào không ngủ được"), 24 * 8);

        assertThat(issues).as("fixed and quiet for the window: a tombstone").doesNotContainKey(fixed)
                .as("reported within the window: kept").containsKey(lit);
        assertThat(said.get("issue:" + fixed)).as("what was said of it is forgotten too").isNull();
        assertThat(said.get("issue:" + lit)).as("what was said of the issue still reported is kept").isNotNull();
    }

    /** What one report wrote: its case versions and commands on cases.v1 and case.commands.v1, and its issue's records. */
    record Written(String caseId, int caseRecords, List<IssueState> issueRecords) {
    }

    /** One look-alike report of the blocked drain from each resident (resident-0, resident-1, …), 20 seconds apart. */
    private List<Written> lookAlikes(String prefix, int residents, Instant start) {
        String[] words = {"Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường",
                "Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường",
                "cong thoat nuoc ngo 45 ham nghi tac, nuoc ban tran ra duong hoi thoi"};
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            Instant at = start.plus(Duration.ofSeconds(20L * i));
            FeedbackReceived built = feedback().id(String.format("%s-%03d", prefix, i)).reporter("resident-" + i)
                    .text(words[i % words.length]).receivedAt(at).build();
            received.pipeInput(built.feedbackId(), topics.feedbackReceived().valueSerde().serializer()
                    .serialize(topics.feedbackReceived().name(), built), at);
            int caseRecords = (int) casesOut.getQueueSize() + commandsOut.readValuesToList().size();
            written.add(new Written(built.feedbackId(), caseRecords, collect()));
        }
        return written;
    }

    @Test
    void aReportOfALargeIssueWritesItsOwnLineAndTheCountsNotTheWholeIssue() {
        String[] words = {"Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường",
                "Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường",
                "cong thoat nuoc ngo 45 ham nghi tac, nuoc ban tran ra duong hoi thoi"};
        TestOutputTopic<String, byte[]> issuesOut = changelog("warning-clusters");
        TestOutputTopic<String, byte[]> linesOut = changelog("warning-recent");
        TestOutputTopic<String, byte[]> wardIn = driver.createOutputTopic(WARD_INPUTS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        int burst = 130;
        for (int i = 0; i < burst; i++) {
            Instant at = monday.plus(Duration.ofSeconds(20L * i));
            FeedbackReceived built = feedback().id(String.format("y%03d", i)).reporter("resident-" + i).text(words[i % words.length])
                    .receivedAt(at).build();
            received.pipeInput(built.feedbackId(), topics.feedbackReceived().valueSerde().serializer()
                    .serialize(topics.feedbackReceived().name(), built), at);
            collect();
            if (i < burst - 1) {
                issuesOut.readRecordsToList();
                linesOut.readRecordsToList();
                wardIn.readRecordsToList();
            }
        }

        // an issue of more reports than it keeps: the last one writes the counts, its own line and the delete of the oldest
        assertThat(cases.get("y129").clusterId()).isEqualTo(cases.get("y000").clusterId());
        assertThat(issuesOut.readRecordsToList()).singleElement()
                .satisfies(r -> assertThat(r.value().length).as("the counts").isLessThan(1024));
        assertThat(linesOut.readRecordsToList()).extracting(r -> r.value() == null ? "deleted" : "written")
                .containsExactlyInAnyOrder("written", "deleted");
        assertThat(wardIn.readRecordsToList()).as("the report crosses to its ward once; nothing comes back").hasSize(1);
    }

    @Test
    void anIssueWrittenWholeByThePreviousVersionIsReadAndSplitOnItsNextReport() {
        for (int i = 1; i <= 3; i++) {
            report(feedback().id("w" + i).reporter("r" + i).text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường lần " + i), i);
        }
        String issue = cases.get("w1").clusterId();
        // as the previous version kept it: the latest reports inside the issue's own record
        KeyValueStore<String, Cluster> heads = driver.getKeyValueStore("warning-clusters");
        KeyValueStore<String, Cluster.Member> lines = driver.getKeyValueStore("warning-recent");
        List<Cluster.Member> latest = new ArrayList<>();
        try (KeyValueIterator<String, Cluster.Member> all = lines.all()) {
            all.forEachRemaining(e -> latest.add(e.value));
        }
        latest.forEach(m -> lines.delete(issue + "|" + String.format("%013d", m.at().toEpochMilli()) + "|" + m.caseId()));
        Cluster head = heads.get(issue);
        heads.put(issue, new Cluster(head.clusterId(), head.category(), head.reports(), head.reporters(), head.indexed(),
                head.version(), head.risk(), latest));

        report(feedback().id("w4").reporter("r4").text("Cống thoát nước ngõ 45 Hàm Nghi tắc, nước bẩn tràn ra đường"), 4);

        assertThat(cases.get("w4").clusterId()).isEqualTo(issue);
        assertThat(cases.get("w4").risk().reasons()).filteredOn(r -> r.code().equals("reporters"))
                .singleElement().satisfies(r -> assertThat(r.description()).startsWith("4 "));
        assertThat(heads.get(issue).recent()).as("the counts apart").isEmpty();
        try (KeyValueIterator<String, Cluster.Member> all = lines.all()) {
            List<String> cases = new ArrayList<>();
            all.forEachRemaining(e -> cases.add(e.value.caseId()));
            assertThat(cases).as("and one line per report").containsExactly("w1", "w2", "w3", "w4");
        }
    }

    @Test
    void aClosedCaseIsNoLongerALookAlikeButARepeatCallStillFindsIt() {
        report(feedback().id("k1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        CaseState k1 = cases.get("k1");
        CaseCommand.Actor officer = new CaseCommand.Actor("canbo." + k1.department(), "OFFICER", k1.department());
        int n = 0;
        for (CaseCommand.Type type : List.of(CaseCommand.Type.ACKNOWLEDGE, CaseCommand.Type.ANSWER, CaseCommand.Type.RESOLVE)) {
            Instant at = monday.plus(Duration.ofMinutes(10 + ++n));
            commands.pipeInput("k1", CaseCommand.of("k1-" + n, "k1", type, officer, at).withText("Đã nạo vét cống"), at);
        }
        collect();
        assertThat(cases.get("k1").status().isOpen()).isFalse();

        report(feedback().id("k2").reporter("r2").text("Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường"), 1);
        report(feedback().id("k3").reporter("r1").caseRef("DS-k1").text("Tôi gọi lại về việc hôm trước, cống lại tắc"), 2);

        assertThat(cases.get("k2").clusterId()).as("a fixed drain is not the drain of a new report").isNull();
        String issue = cases.get("k3").clusterId();
        assertThat(issue).as("but a call naming it is about it").isNotNull();
        assertThat(issues.get(issue).reports()).as("the fixed drain and the call").isEqualTo(2);
    }

    /**
     * A report is compared with the newest 500 open cases of each area near it: a drain with 499 newer open cases in
     * its area (each a street light of its own ngõ) is still found, one with 500 newer ones is not.
     */
    @ParameterizedTest(name = "{0} newer open cases in the area")
    @CsvSource({"499, true", "500, false"})
    void aReportIsComparedWithTheNewestFiveHundredOpenCasesOfAnArea(int newer, boolean found) {
        stop();
        start(Stores::inMemoryKeyValueStore);
        report(feedback().id("drain-1").reporter("r-drain").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        for (int i = 0; i < newer; i++) {
            report(feedback().id(String.format("light-%03d", i)).reporter("r" + i)
                    .text("Đèn đường ở ngõ " + (100 + i) + " hỏng bóng, tối om"), monday.plus(Duration.ofSeconds(30L * (i + 1))));
        }
        assertThat(cases.values()).as("each light alone, so each is an open case of the index")
                .allSatisfy(c -> assertThat(c.clusterId()).isNull());

        report(feedback().id("drain-2").reporter("r-drain-2").text("Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường"), 6);

        assertThat(cases.get("drain-2").clusterId() != null).isEqualTo(found);
    }

    /**
     * A task started again (after a restart, a rebalance, an aborted transaction) starts on its stores as their
     * changelogs restored them: a look-alike reported before is found, and a case closed before is not.
     */
    @Test
    void aTaskStartedAgainOnItsRestoredStoresFindsTheLookAlikesStillOpenAndNotTheClosedOnes() {
        report(feedback().id("o1").reporter("r1").text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường"), 0);
        report(feedback().id("c1").area("tdp-20").reporter("r2").text("Đèn đường trên đường Lê Hoàn mất điện, tối om"), 1);
        CaseState lit = cases.get("c1");
        CaseCommand.Actor officer = new CaseCommand.Actor("canbo." + lit.department(), "OFFICER", lit.department());
        int n = 0;
        for (CaseCommand.Type type : List.of(CaseCommand.Type.ACKNOWLEDGE, CaseCommand.Type.ANSWER, CaseCommand.Type.RESOLVE)) {
            Instant at = monday.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(++n));
            commands.pipeInput("c1", CaseCommand.of("c1-" + n, "c1", type, officer, at).withText("Đã thay bóng đèn"), at);
        }
        collect();
        assertThat(cases.get("c1").status().isOpen()).isFalse();

        startAgainOnRestoredStores();
        report(feedback().id("o2").reporter("r3").text("Ngõ 45 Hàm Nghi cống bị tắc, nước thải tràn lên mặt đường"), 3);
        report(feedback().id("c2").area("tdp-20").reporter("r4").text("Đèn đường Lê Hoàn mất điện, cả đoạn đường tối om"), 4);

        assertThat(cases.get("o2").clusterId()).as("the open drain, found again").isNotNull()
                .isEqualTo(cases.get("o1").clusterId());
        assertThat(issues.get(cases.get("o2").clusterId()).reports()).isEqualTo(2);
        assertThat(cases.get("c2").clusterId()).as("the light fixed before is not this one").isNull();
    }

    /** Closes the driver and starts another on in-memory stores holding what the first one's changelogs hold. */
    private void startAgainOnRestoredStores() {
        Map<String, Map<Bytes, byte[]>> changelogs = new HashMap<>();
        for (String store : driver.getAllStateStores().keySet()) {
            Map<Bytes, byte[]> latest = new LinkedHashMap<>();
            driver.createOutputTopic("early-warning-test-" + store + "-changelog", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readKeyValuesToList().forEach(e -> {
                        if (e.value == null) {
                            latest.remove(Bytes.wrap(e.key));
                        } else {
                            latest.put(Bytes.wrap(e.key), e.value);
                        }
                    });
            changelogs.put(store, latest);
        }
        driver.close();
        start(name -> new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new InMemoryKeyValueStore(name) {
                    @Override
                    public void init(StateStoreContext context, StateStore root) {
                        super.init(context, root);
                        // beneath the changelog: restored, not written again
                        changelogs.getOrDefault(name, Map.of()).forEach(super::put);
                    }
                };
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        });
    }

    private void report(TestFeedback petition, int hoursAfterMonday) {
        report(petition, monday.plus(Duration.ofHours(hoursAfterMonday)));
    }

    private void report(TestFeedback petition, Instant at) {
        pipe(petition, at);
        collect();
    }

    private void pipe(TestFeedback petition, int hoursAfterMonday) {
        pipe(petition, monday.plus(Duration.ofHours(hoursAfterMonday)));
    }

    private void pipe(TestFeedback petition, Instant at) {
        FeedbackReceived built = petition.receivedAt(at).build();
        received.pipeInput(built.feedbackId(), topics.feedbackReceived().valueSerde().serializer()
                .serialize(topics.feedbackReceived().name(), built), at);
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return driver.createOutputTopic("early-warning-test-" + store + "-changelog", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** @return the issue records written since the last look */
    private List<IssueState> collect() {
        casesOut.readValuesToList().forEach(state -> cases.put(state.caseId(), state));
        alerts.addAll(alertsOut.readValuesToList());
        List<IssueState> written = new ArrayList<>();
        for (KeyValue<String, IssueState> issue : issuesOut.readKeyValuesToList()) {
            if (issue.value == null) {
                issues.remove(issue.key);
            } else {
                issues.put(issue.key, issue.value);
                written.add(issue.value);
            }
        }
        return written;
    }
}
