package io.langnghe.search.issues;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.Risk;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * An issue's current risk reaches every member case through {@code issues.v1} and the issues index, not
 * through a new version of each case: the case page and the queue line show the issue's level within
 * 10 s of its change, the queue orders by it, a tombstone gives the cases back their own risk, a replay
 * of older versions changes nothing, and an officer of another department sees none of it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueRiskShownTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private static final Duration INDEXED = Duration.ofSeconds(30);
    // what issue 10 promises an officer: the member's level is current within 10 s of the issue's change
    private static final Duration CURRENT_WITHIN = Duration.ofSeconds(10);

    private final SharedStack stack = new SharedStack();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    KafkaSettings kafka;

    private String officer;
    private String policeOfficer;
    private String leader;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void logIn() {
        officer = Login.token(client, "canbo." + INFRASTRUCTURE);
        policeOfficer = Login.token(client, "canbo.cong_an");
        leader = Login.token(client, "lanhdao");
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aMemberShowsItsIssuesRisenLevelWithinTenSecondsWithoutANewVersionOfTheCase() throws Exception {
        String drain = issueId("drain");
        CaseState member = TestCases.caseState().text("Cống thoát nước ngõ 5 bị tắc").area("tdp-05").clusterId(drain)
                .risk(30, "watch", "duplicates").version(3).build();
        stack.publish(member);
        stack.publishIssue(drain, issue(drain, 1, 30, "watch", 2, 2, "duplicates"));
        await().atMost(INDEXED).ignoreExceptions().until(() -> page(member, officer).path("issue").path("reports").asInt() == 2
                && line(member, officer).path("issue").path("reports").asInt() == 2);

        // forty households call: the issue is scored again, once, and no member case gets a new version
        stack.publishIssue(drain, issue(drain, 2, 85, "critical", 12, 10, "duplicates", "escalation_words"));

        await().atMost(CURRENT_WITHIN).until(() -> "critical".equals(page(member, officer).path("risk").path("level").asText()));
        JsonNode shown = page(member, officer);
        assertThat(shown.path("risk").path("score").asInt()).isEqualTo(85);
        assertThat(shown.path("risk").path("reasons").findValuesAsText("code")).containsExactly("duplicates", "escalation_words");
        assertThat(shown.path("issue").path("reports").asInt()).isEqualTo(12);
        assertThat(shown.path("issue").path("reporters").asInt()).isEqualTo(10);
        assertThat(shown.path("version").asLong()).as("the case itself did not change").isEqualTo(3);
        await().atMost(CURRENT_WITHIN).ignoreExceptions().until(() -> "critical".equals(line(member, officer).path("riskLevel").asText()));
        JsonNode line = line(member, officer);
        assertThat(line.path("riskScore").asInt()).isEqualTo(85);
        assertThat(line.path("issue").path("reports").asInt()).isEqualTo(12);
        assertThat(line.path("version").asLong()).isEqualTo(3);
    }

    @Test
    void theQueueOrdersAnIssuesMembersByTheIssuesCurrentScoreAndEveryOtherCaseAsBefore() throws Exception {
        String area = "tdp-11";
        String grown = issueId("grown");
        String notIndexed = issueId("not-indexed");
        String tied = issueId("tied");
        // case             own risk   its issue's score now    due
        CaseState lone = TestCases.caseState().area(area).risk(60, "warning", "escalation_words").dueAt(now.plus(Duration.ofDays(1))).build();
        CaseState joinedLow = TestCases.caseState().area(area).clusterId(grown).risk(20, "watch", "duplicates")
                .dueAt(now.plus(Duration.ofDays(5))).build();                                       // 90
        CaseState ofUnindexed = TestCases.caseState().area(area).clusterId(notIndexed).risk(50, "watch", "duplicates")
                .dueAt(now.plus(Duration.ofDays(2))).build();                                       // (not indexed)
        CaseState tiedLater = TestCases.caseState().area(area).clusterId(tied).risk(5, "none")
                .dueAt(now.plus(Duration.ofDays(3))).build();                                       // 60: ties with lone
        CaseState unassessed = TestCases.caseState().area(area).dueAt(now.plus(Duration.ofHours(1))).build();
        for (CaseState state : List.of(lone, joinedLow, ofUnindexed, tiedLater, unassessed)) {
            stack.publish(state);
        }
        await().atMost(INDEXED).ignoreExceptions().until(() -> queueIds(area).size() == 5);
        assertThat(queueIds(area)).as("before the issues are scored: each case's own risk")
                .containsExactly(lone.caseId(), ofUnindexed.caseId(), joinedLow.caseId(), tiedLater.caseId(), unassessed.caseId());

        stack.publishIssue(grown, issue(grown, 1, 90, "critical", 9, 7, "duplicates"));
        stack.publishIssue(tied, issue(tied, 1, 60, "warning", 3, 3, "duplicates"));

        await().atMost(CURRENT_WITHIN).until(() -> queueIds(area).get(0).equals(joinedLow.caseId())
                && queueIds(area).indexOf(tiedLater.caseId()) == 2);
        assertThat(queueIds(area)).as("an equal score, the issue's or the case's own: the one due sooner first")
                .containsExactly(joinedLow.caseId(), lone.caseId(), tiedLater.caseId(), ofUnindexed.caseId(), unassessed.caseId());
    }

    @Test
    void aTombstoneRemovesTheIssueAndItsCasesShowTheirOwnRiskAgain() throws Exception {
        String forgotten = issueId("forgotten");
        CaseState member = TestCases.caseState().area("tdp-03").clusterId(forgotten).risk(25, "watch", "duplicates").build();
        stack.publish(member);
        stack.publishIssue(forgotten, issue(forgotten, 4, 70, "warning", 5, 4, "duplicates"));
        await().atMost(INDEXED).ignoreExceptions().until(() -> page(member, officer).path("risk").path("score").asInt() == 70
                && line(member, officer).path("riskScore").asInt() == 70);

        stack.publishIssue(forgotten, null);

        await().atMost(CURRENT_WITHIN).ignoreExceptions().until(() -> page(member, officer).path("risk").path("score").asInt() == 25
                && line(member, officer).path("riskScore").asInt() == 25);
        JsonNode shown = page(member, officer);
        assertThat(shown.path("risk").path("level").asText()).isEqualTo("watch");
        assertThat(shown.path("issue").isNull() || shown.path("issue").isMissingNode()).as("no issue indexed any more").isTrue();
        assertThat(shown.path("clusterId").asText()).isEqualTo(forgotten);
        JsonNode line = line(member, officer);
        assertThat(line.path("riskScore").asInt()).isEqualTo(25);
        assertThat(line.path("issue").isNull() || line.path("issue").isMissingNode()).isTrue();
    }

    @Test
    void aReplayOfOlderVersionsOfAnIssueChangesNothing() throws Exception {
        String replayed = issueId("replayed");
        CaseState member = TestCases.caseState().area("tdp-04").clusterId(replayed).risk(10, "none").build();
        stack.publish(member);
        IssueState first = issue(replayed, 1, 40, "watch", 2, 2, "duplicates");
        IssueState second = issue(replayed, 2, 60, "warning", 4, 3, "duplicates");
        stack.publishIssue(replayed, first);
        stack.publishIssue(replayed, second);
        stack.publishIssue(replayed, issue(replayed, 3, 80, "critical", 8, 6, "duplicates", "escalation_words"));
        await().atMost(INDEXED).ignoreExceptions().until(() -> page(member, officer).path("risk").path("score").asInt() == 80);

        // the topic read again from an older offset (a rebalance, a restore): versions 1 and 2 come back
        stack.publishIssue(replayed, first);
        stack.publishIssue(replayed, second);
        awaitIssuesIndexerCaughtUp();

        JsonNode shown = page(member, officer);
        assertThat(shown.path("risk").path("score").asInt()).isEqualTo(80);
        assertThat(shown.path("risk").path("level").asText()).isEqualTo("critical");
        assertThat(shown.path("issue").path("reports").asInt()).isEqualTo(8);
    }

    @Test
    void anOfficerOfAnotherDepartmentSeesNeitherTheCaseNorItsIssueAndALeaderSeesTheIssueWithoutPersonalData() throws Exception {
        String lights = issueId("lights");
        CaseState first = TestCases.caseState().text("Đèn đường ngõ 9 hỏng, gọi 0912345678").area("tdp-09").clusterId(lights)
                .risk(20, "watch", "duplicates").build();
        CaseState second = TestCases.caseState().text("Ngõ 9 tối om").area("tdp-09").clusterId(lights).build();
        stack.publish(first);
        stack.publish(second);
        stack.publishIssue(lights, issue(lights, 1, 75, "warning", 2, 2, "duplicates"));
        await().atMost(INDEXED).ignoreExceptions().until(() -> page(first, officer).path("risk").path("score").asInt() == 75
                && cluster(get("/api/clusters", leader, Map.of()), lights).path("openReports").asLong() == 2);

        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class, () -> page(first, policeOfficer));
        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(get("/api/queue", policeOfficer, Map.of("size", "100")).path("items").findValuesAsText("caseId"))
                .doesNotContain(first.caseId(), second.caseId());
        assertThat(get("/api/clusters", policeOfficer, Map.of()).path("clusters").findValuesAsText("clusterId")).doesNotContain(lights);

        JsonNode seen = cluster(get("/api/clusters", leader, Map.of()), lights);
        assertThat(seen.path("openReports").asLong()).isEqualTo(2);
        assertThat(seen.path("issue").path("risk").path("level").asText()).isEqualTo("warning");
        assertThat(seen.path("issue").path("risk").path("score").asInt()).isEqualTo(75);
        assertThat(seen.toString()).doesNotContain("0912345678", "Đèn đường", "contact", "trackingCode");
    }

    @Test
    void anUnreadableIssueRecordGoesToTheIndexDeadLettersAndTheNextIssueIsIndexed() throws Exception {
        String unreadable = issueId("unreadable");
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(stack.topics().issues().name(), unreadable, "{not an issue")).get();
        }
        String next = issueId("after");
        CaseState member = TestCases.caseState().area("tdp-02").clusterId(next).risk(15, "none").build();
        stack.publish(member);
        stack.publishIssue(next, issue(next, 1, 55, "warning", 3, 3, "duplicates"));

        List<ConsumerRecord<String, String>> letters = SharedInfrastructure.topicProbe()
                .awaitRecords(stack.topics().indexDlq().name(), 1, INDEXED);
        assertThat(letters.stream().map(ConsumerRecord::key).toList()).contains(unreadable);
        await().atMost(INDEXED).ignoreExceptions().until(() -> page(member, officer).path("risk").path("score").asInt() == 55);
    }

    private static String issueId(String what) {
        return "issue-" + what + "-" + UUID.randomUUID();
    }

    private IssueState issue(String issueId, long version, int score, String level, int reports, int reporters, String... reasonCodes) {
        List<Alert.Reason> reasons = Arrays.stream(reasonCodes)
                .map(code -> new Alert.Reason(code, "lý do " + code, score / reasonCodes.length)).toList();
        return new IssueState(IssueState.SCHEMA_VERSION, issueId, version, new Risk(score, level, reasons, now), reports, reporters,
                "dong_son", INFRASTRUCTURE, "tdp-05", Category.GIAO_THONG_HA_TANG, now);
    }

    /** Until search-service's read-model indexer has committed every record of issues.v1: what it read is written. */
    private void awaitIssuesIndexerCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            String topic = stack.topics().issues().name();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            await().atMost(INDEXED).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(kafka.indexerGroupId())
                        .partitionsToOffsetAndMetadata().get();
                // the read model's one group commits cases and alerts too: only the issues' partitions count
                return committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum() >= end;
            });
        }
    }

    private JsonNode page(CaseState state, String token) {
        return get("/api/cases/" + state.caseId(), token, Map.of());
    }

    private JsonNode line(CaseState state, String token) {
        for (JsonNode item : get("/api/queue", token, Map.of("size", "100", "area", state.area())).path("items")) {
            if (item.path("caseId").asText().equals(state.caseId())) {
                return item;
            }
        }
        throw new AssertionError("not in the queue: " + state.caseId());
    }

    private List<String> queueIds(String area) {
        return get("/api/queue", officer, Map.of("size", "100", "area", area)).path("items").findValuesAsText("caseId");
    }

    private static JsonNode cluster(JsonNode sizes, String clusterId) {
        for (JsonNode cluster : sizes.path("clusters")) {
            if (cluster.path("clusterId").asText().equals(clusterId)) {
                return cluster;
            }
        }
        throw new AssertionError("no cluster " + clusterId + " in " + sizes);
    }

    private JsonNode get(String path, String token, Map<String, String> query) {
        UriBuilder uri = UriBuilder.of(path);
        query.forEach(uri::queryParam);
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build().toString()).bearerAuth(token), JsonNode.class);
    }
}
