package io.langnghe.routing;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.langnghe.contracts.kafka.CommandSignature;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The running service against the real broker: a petition in, a routed case out; a poison record set
 * aside; three residents reporting one problem, an alert.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingStreamsIntegrationTest implements TestPropertyProvider {

    /** The commands secret of the local stack (LANGNGHE_SECRETS_COMMANDS unset). */
    static final String LOCAL_STACK_SECRET = "langnghe-demo";

    static final Duration BOUND = Duration.ofSeconds(60);
    static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    final String prefix = SharedInfrastructure.uniquePrefix();
    final Topics topics = SharedInfrastructure.createTopics(prefix);
    final TopicProbe probe = SharedInfrastructure.topicProbe();
    final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    ConfiguredStreamBuilder streamsBuilder;

    @Inject
    ClassifierSettings classifierSettings;

    @Inject
    RoutingSettings routingSettings;

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
    void routesAPetitionFromTheBrokerToTheCasesTopic() throws Exception {
        FeedbackReceived drain = feedback().id("fb-it-1").text("Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên").build();

        send(drain.feedbackId(), Json.mapper().writeValueAsBytes(drain));

        List<ConsumerRecord<String, String>> cases = awaitRecordsOf(topics.cases().name(), "fb-it-1", 1);
        assertThat(cases).extracting(ConsumerRecord::key).containsExactly("fb-it-1");
        CaseState routed = read(cases.get(0).value(), CaseState.class);
        assertThat(routed.category()).isEqualTo(Category.GIAO_THONG_HA_TANG);
        assertThat(routed.department()).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(routed.trackingCode()).isEqualTo(drain.trackingCode());
    }

    @Test
    void raisesAnAlertOnTheBrokerWithinTenSecondsOfTheThirdResidentsReport() throws Exception {
        String[] texts = {"Cống thoát nước ngõ 45 Lê Lai bị tắc, nước bẩn tràn ra đường",
                "Ngõ 45 Lê Lai cống bị tắc mấy hôm nay, nước thải tràn lên mặt đường",
                "cong thoat nuoc ngo 45 le lai tac, nuoc ban tran ra duong"};
        long thirdSentAt = 0;
        for (int i = 0; i < texts.length; i++) {
            FeedbackReceived report = feedback().id("fb-it-drain-" + i).reporter("it-resident-" + i).text(texts[i])
                    .receivedAt(java.time.Instant.now()).build();
            send(report.feedbackId(), Json.mapper().writeValueAsBytes(report));
            thirdSentAt = System.nanoTime();
        }

        Alert alert = read(probe.awaitRecords(topics.alerts().name(), 1, BOUND).get(0).value(), Alert.class);
        long millis = Duration.ofNanos(System.nanoTime() - thirdSentAt).toMillis();

        assertThat(alert.subject()).startsWith("issue:");
        assertThat(alert.caseIds()).containsExactlyInAnyOrder("fb-it-drain-0", "fb-it-drain-1", "fb-it-drain-2");
        assertThat(alert.department()).isEqualTo("kinh_te_ha_tang_do_thi");
        System.out.printf("alert on %s %d ms after the third report%n", topics.alerts().name(), millis);
        assertThat(millis).as("the issue: within 10 seconds of the report that crosses the threshold").isLessThanOrEqualTo(10_000);
        // the cases carry the issue, as officers will see it: the third from its first version on
        List<ConsumerRecord<String, String>> thirdVersions = awaitRecordsOf(topics.cases().name(), "fb-it-drain-2", 1);
        assertThat(thirdVersions).hasSize(1);
        CaseState third = read(thirdVersions.get(0).value(), CaseState.class);
        assertThat(third.version()).isEqualTo(1);
        assertThat(third.clusterId()).isEqualTo(alert.subject().substring("issue:".length()));
    }

    @Test
    void learnsAnOfficersReassignmentForTheNextText() throws Exception {
        // Given a petition about a group leader's fund, which the corpus reads as a school's
        FeedbackReceived fund = feedback().id("fb-it-fund").text("Tổ trưởng thu quỹ không minh bạch, đề nghị kiểm tra").build();
        send(fund.feedbackId(), Json.mapper().writeValueAsBytes(fund));
        CaseState routed = read(awaitRecordsOf(topics.cases().name(), "fb-it-fund", 1).get(0).value(), CaseState.class);
        assertThat(routed.category()).isEqualTo(Category.GIAO_DUC);

        // When its officer hands it to the administrative centre
        CaseCommand reassign = CaseCommand.of("cmd-it-1", "fb-it-fund", CaseCommand.Type.REASSIGN,
                        new CaseCommand.Actor("canbo." + routed.department(), "OFFICER", routed.department()), java.time.Instant.now())
                .withDepartment("hanh_chinh_cong").withText("Cán bộ tổ dân phố, không phải trường học");
        sendCommand(reassign);

        // Then the command is accepted, the case moves, and the classifier reads the next such text differently
        CommandResult result = await().atMost(BOUND).until(() -> probe.readAll(topics.caseCommandResults().name(), BOUND).stream()
                .map(r -> read(r.value(), CommandResult.class)).filter(r -> r.commandId().equals("cmd-it-1")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(result).extracting(CommandResult::commandId, CommandResult::accepted, CommandResult::caseVersion)
                .containsExactly("cmd-it-1", true, 2L);
        assertThat(probe.awaitRecords(topics.classifierCorrections().name(), 1, BOUND)).extracting(ConsumerRecord::key)
                .containsExactly("fb-it-fund");
        String token = tokens.generateToken(Authentication.build("lanhdao", List.of("LEADER")), 600).orElseThrow();
        await().atMost(BOUND).untilAsserted(() -> assertThat(http.toBlocking().retrieve(
                HttpRequest.POST("/api/classify", Map.of("text", "Tổ trưởng tổ dân phố thu quỹ không minh bạch")).bearerAuth(token),
                JSON_OBJECT)).containsEntry("category", "hanh_chinh"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void seedsTheDefaultRulesThenFollowsAnAdministratorsNewRule() throws Exception {
        String admin = tokens.generateToken(Authentication.build("quantri", List.of("ADMIN")), 600).orElseThrow();
        // Given the defaults seeded on the first start
        await().atMost(BOUND).untilAsserted(() -> assertThat(http.toBlocking().retrieve(
                HttpRequest.GET("/api/admin/rules").bearerAuth(admin), Argument.listOf(JSON_OBJECT)))
                .extracting(rule -> rule.get("ruleId")).contains("default.moi_truong", "default.an_ninh_trat_tu"));

        // When the administrator sends karaoke in tdp-13 to the police
        Map<String, Object> rule = Map.of("category", "moi_truong", "area", "tdp-13", "keywords", List.of("karaoke"),
                "department", "cong_an", "priority", 1);
        HttpResponse<Map<String, Object>> saved = http.toBlocking().exchange(
                HttpRequest.PUT("/api/admin/rules/karaoke-tdp-13", rule).bearerAuth(admin), JSON_OBJECT);
        assertThat(saved.code()).isEqualTo(HttpStatus.OK.getCode());
        await().atMost(BOUND).untilAsserted(() -> assertThat(http.toBlocking().retrieve(
                HttpRequest.GET("/api/admin/rules").bearerAuth(admin), Argument.listOf(JSON_OBJECT)))
                .extracting(r -> r.get("ruleId")).contains("karaoke-tdp-13"));

        // Then the next such petition goes there
        FeedbackReceived karaoke = feedback().id("fb-it-karaoke").area("tdp-13").text("Quán karaoke hát ồn ào đến 12 giờ đêm").build();
        send(karaoke.feedbackId(), Json.mapper().writeValueAsBytes(karaoke));
        CaseState routed = read(awaitRecordsOf(topics.cases().name(), "fb-it-karaoke", 1).get(0).value(), CaseState.class);
        assertThat(routed.department()).isEqualTo("cong_an");
    }

    @Test
    void refusesARuleForADepartmentThatDoesNotExist() {
        String admin = tokens.generateToken(Authentication.build("quantri", List.of("ADMIN")), 600).orElseThrow();
        Map<String, Object> rule = Map.of("category", "moi_truong", "department", "phong_ma");

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.PUT("/api/admin/rules/ghost", rule).bearerAuth(admin), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                    assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                            assertThat(body).contains("không có phòng ban phong_ma / unknown department phong_ma"));
                });
        String officer = tokens.generateToken(Authentication.build("canbo.cong_an", List.of("OFFICER"),
                Map.of("department", "cong_an")), 600).orElseThrow();
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/admin/rules").bearerAuth(officer)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void setsAPoisonRecordAsideOnTheDeadLetterTopic() {
        send("fb-it-poison", "{ not json".getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, String>> letters = probe.awaitRecords(topics.feedbackDlq().name(), 1, BOUND);
        DeadLetter letter = read(letters.get(0).value(), DeadLetter.class);
        assertThat(letter.sourceTopic()).isEqualTo(topics.feedbackReceived().name());
        assertThat(letter.error()).startsWith("not a FeedbackReceived");
        assertThat(letter.failedBy()).isEqualTo("routing-streams");
    }

    @Test
    void theStreamThreadTakesWhatCameWithin50MsInOneFetch() {
        Map<String, Object> mainConsumer = new StreamsConfig(streamsBuilder.getConfiguration())
                .getMainConsumerConfigs("group", "client", 0);

        assertThat(String.valueOf(mainConsumer.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))).isEqualTo("50");
        assertThat(String.valueOf(mainConsumer.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG))).isEqualTo("1048576");
    }

    @Test
    void keepsItsGroupAndStateApartPerTopicsPrefix() {
        Properties config = streamsBuilder.getConfiguration();

        assertThat(config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo(prefix + ".routing-streams");
        assertThat(config.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        // Kafka Streams keeps its state in <state.dir>/<application.id>, so each prefix has its own.
        assertThat(config.getProperty(StreamsConfig.STATE_DIR_CONFIG))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "langnghe-streams").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsHealthyOnceTheStreamsRun() {
        await().atMost(BOUND).ignoreExceptionsInstanceOf(HttpClientResponseException.class).untilAsserted(() -> {
            HttpResponse<Map<String, Object>> health = http.toBlocking().exchange(HttpRequest.GET("/health"), JSON_OBJECT);
            assertThat(health.code()).isEqualTo(HttpStatus.OK.getCode());
            assertThat(health.body()).containsEntry("status", "UP");
        });
        String token = tokens.generateToken(Authentication.build("quantri", List.of("ADMIN")), 600).orElseThrow();
        Map<String, Object> detailed = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(token), JSON_OBJECT);
        assertThat((Map<String, Object>) detailed.get("details"))
                .extractingByKeys("kafka", "kafkaStreams", "routingStreams")
                .allSatisfy(part -> assertThat((Map<String, Object>) part).containsEntry("status", "UP"));
    }

    @Test
    void exposesKafkaStreamsMetricsForPrometheus() {
        await().atMost(BOUND).untilAsserted(() ->
                assertThat(http.toBlocking().retrieve("/prometheus")).contains("kafka_stream"));
    }

    @Test
    void classifiesATextForAnOfficerWithTheStreamsCode() {
        String token = tokens.generateToken(Authentication.build("canbo.van_phong", List.of("OFFICER"),
                Map.of("department", "van_phong")), 600).orElseThrow();

        Map<String, Object> answer = http.toBlocking().retrieve(HttpRequest.POST("/api/classify", Map.of("text", "den duong hong ca tuan nay"))
                .bearerAuth(token), JSON_OBJECT);

        assertThat(answer).containsEntry("category", "giao_thong_ha_tang")
                .containsEntry("department", "kinh_te_ha_tang_do_thi")
                .containsEntry("reasons", List.of("đèn đường"))
                .containsEntry("place", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersThePlaceTheTextNamesBesideTheCategory() {
        String token = tokens.generateToken(Authentication.build("tongdai", List.of("OPERATOR")), 600).orElseThrow();

        Map<String, Object> answer = http.toBlocking().retrieve(HttpRequest.POST("/api/classify",
                Map.of("text", "den duong o thon 3 xa dong hoa cu hong ca tuan nay")).bearerAuth(token), JSON_OBJECT);

        assertThat(answer).containsEntry("category", "giao_thong_ha_tang");
        assertThat((Map<String, Object>) answer.get("place"))
                .containsEntry("area", "dong-hoa-hien-thu")
                .containsEntry("areaName", "Thôn Hiền Thư")
                .containsEntry("formerUnit", "dong-hoa")
                .containsEntry("formerUnitName", "Xã Đông Hòa")
                .containsEntry("toConfirm", false);
    }

    @Test
    void theDeadlineClockCannotBeMovedOutsideAFaultDrill() {
        String admin = tokens.generateToken(Authentication.build("quantri", List.of("ADMIN")), 600).orElseThrow();

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/clock", Map.of("moveForward", "P1D")).bearerAuth(admin)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        // no such route here: Micronaut's security answers it with 403 before routing would with 404
                        e -> assertThat(e.code()).isIn(HttpStatus.FORBIDDEN.getCode(), HttpStatus.NOT_FOUND.getCode()));
    }

    @Test
    void classifiesWithTheSameSettingsAsTheCommandLine() {
        // ./langnghe classify runs without Micronaut, on the DEFAULTS constants: they must be what the service binds.
        assertThat(classifierSettings).isEqualTo(ClassifierSettings.DEFAULTS);
        assertThat(routingSettings).isEqualTo(RoutingSettings.DEFAULTS);
    }

    @Test
    void refusesToClassifyForAnonymousCallers() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/classify", Map.of("text", "Rác"))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode()));
    }

    @Test
    void answersBadInputWithABilingualProblem() {
        String token = tokens.generateToken(Authentication.build("lanhdao", List.of("LEADER")), 600).orElseThrow();

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/classify", "{\"text\": ")
                .contentType("application/json").bearerAuth(token), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                    assertThat(e.getResponse().getContentType()).hasValueSatisfying(type ->
                            assertThat(type.toString()).isEqualTo("application/problem+json"));
                    assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                            assertThat(body).contains("Dữ liệu không hợp lệ / Invalid input", "JSON không đọc được / Malformed JSON"));
                });
    }

    /** Waits until the topic holds at least {@code count} records with the key; returns them. */
    private List<ConsumerRecord<String, String>> awaitRecordsOf(String topic, String key, int count) {
        List<List<ConsumerRecord<String, String>>> seen = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(BOUND).until(() -> {
            seen.set(0, probe.readAll(topic, BOUND).stream().filter(r -> key.equals(r.key())).toList());
            return seen.get(0).size() >= count;
        });
        return seen.get(0);
    }

    private void sendCommand(CaseCommand command) throws Exception {
        // as search-service sends it: signed, or routing-streams sets the officer's command aside
        byte[] value = Json.mapper().writeValueAsBytes(command);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.caseCommands().name(), command.caseId(), value);
        record.headers().add(CommandSignature.HEADER, new CommandSignature(LOCAL_STACK_SECRET).sign(value));
        producer.send(record).get();
    }

    private void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topics.feedbackReceived().name(), key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not send to " + topics.feedbackReceived().name(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
