package io.langnghe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decree 13/2023, the right to erasure, as a resident would check it: two residents file petitions with
 * their name, phone and address; one is erased with {@code ./langnghe erase}, the other by an administrator
 * on search-service. Then every record of every topic of the stack (changelogs and dead letters included),
 * read from the beginning, every document of its indices and every line of its services' logs hold
 * neither's name, phone or address in clear, while both cases stay whole and the officer's page says the
 * contact was erased. The four services run as processes on the real Kafka and Elasticsearch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentErasedEverywhereTest {

    private static final String OFFICER = "canbo.kinh_te_ha_tang_do_thi";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private ServiceStack stack;
    private String officer;

    record Resident(String name, String phone, String e164Digits, String address, String text) {
        /** What must not be found anywhere in clear once erased. */
        List<String> personalData() {
            return List.of(name, e164Digits, e164Digits.substring(2), address);
        }
    }

    private final Resident byCli = new Resident("Đinh Thị Quyên", "0987 654 321", "84987654321", "số 41 ngách 7 ngõ 417",
            "Đèn đường ngõ 417 hỏng cả tuần nay, buổi tối rất tối");
    private final Resident byAdmin = new Resident("Vũ Văn Khải", "0976.543.210", "84976543210", "số 88 ngõ 529",
            "Cống thoát nước ngõ 529 bị tắc, nước tràn ra đường");

    @BeforeAll
    void startTheServices() {
        stack = ServiceStack.start();
        officer = stack.login(OFFICER, "langnghe-demo");
    }

    @AfterAll
    void stopThem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anErasedResidentsNamePhoneAndAddressAreNowhereInClearAndTheCaseStays() throws Exception {
        // Given two residents' petitions, each case on its officer's page with the contact opened
        Filed first = file(byCli);
        Filed second = file(byAdmin);
        JsonNode before = casePage(first.caseId());
        assertThat(before.path("contact").path("phone").asText()).isEqualTo("+" + byCli.e164Digits());
        assertThat(before.path("contact").path("name").asText()).isEqualTo(byCli.name());

        // When one is erased with ./langnghe erase and the other by an administrator
        String printed = eraseWithTheCommandLine(first.trackingCode());
        assertThat(printed).contains("\"caseId\":\"" + first.caseId() + "\"", "\"outcome\":\"erased\"");
        String admin = stack.login("quantri", "langnghe-demo");
        Http.Answer erased = Http.postJson(stack.search() + "/api/admin/erasures",
                "{\"trackingCode\":\"" + second.trackingCode() + "\"}", Map.of("Authorization", "Bearer " + admin));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        // Then the officer's page says the contact was erased, and the case is as it was
        for (Filed filed : List.of(first, second)) {
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> casePage(filed.caseId()).path("contact").path("erased").asBoolean());
        }
        JsonNode after = casePage(first.caseId());
        assertThat(after.path("contact").hasNonNull("phone")).isFalse();
        assertThat(after.path("text").asText()).isEqualTo(before.path("text").asText()).isEqualTo(byCli.text());
        assertThat(after.path("category")).isEqualTo(before.path("category"));
        assertThat(after.path("department")).isEqualTo(before.path("department"));
        assertThat(after.path("status").asText()).isEqualTo(before.path("status").asText());
        assertThat(Http.get(stack.search() + "/api/track/" + first.trackingCode().replace("-", ""), null).status()).isEqualTo(200);

        // And nowhere in Kafka, Elasticsearch or the logs is either one's name, phone or address in clear,
        // while the petitions' own words are found there (the scans do read what was stored)
        String kafka = everyTopicFromTheBeginning();
        String elasticsearch = everyIndexedDocument();
        String logs = everyServiceLog();
        for (Resident resident : List.of(byCli, byAdmin)) {
            assertThat(kafka).as("Kafka").contains(resident.text()).doesNotContain(resident.personalData());
            assertThat(elasticsearch).as("Elasticsearch").contains(resident.text()).doesNotContain(resident.personalData());
            assertThat(logs).as("service logs").doesNotContain(resident.personalData());
        }
    }

    record Filed(String caseId, String trackingCode) {
    }

    private Filed file(Resident resident) {
        Http.Answer filed = Http.postJson(stack.ingest() + "/api/feedback", """
                {"text":"%s","channel":"web","area":"tdp-05","name":"%s","phone":"%s","address":"%s","consentToContact":true}
                """.formatted(resident.text(), resident.name(), resident.phone(), resident.address()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        String caseId = filed.json().path("feedbackId").asText();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(stack.search() + "/api/cases/" + caseId, officer).status() == 200);
        return new Filed(caseId, filed.json().path("trackingCode").asText());
    }

    private JsonNode casePage(String caseId) {
        return Http.get(stack.search() + "/api/cases/" + caseId, officer).json();
    }

    /** {@code ./langnghe erase --tracking-code CODE} as the launcher runs it: search-service's classes and the stack's environment. */
    private String eraseWithTheCommandLine(String trackingCode) throws Exception {
        Path checkout = Path.of(System.getProperty("langnghe.checkout", "..")).toAbsolutePath().normalize();
        Path module = checkout.resolve("search-service/target");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback-cli.xml",
                "-cp", module.resolve("classes") + java.io.File.pathSeparator + module.resolve("lib") + "/*",
                "io.langnghe.search.privacy.EraseCli", "--tracking-code", trackingCode);
        command.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafkaBootstrapServers(),
                "ELASTICSEARCH_URL", SharedInfrastructure.elasticsearchUrl(),
                "LANGNGHE_TOPICS_PREFIX", stack.prefix(),
                "LANGNGHE_INDEX_PREFIX", stack.prefix()));
        Path err = Files.createTempFile("erase", ".err");
        command.redirectError(err.toFile());
        Process process = command.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        assertThat(out.lines().toList()).as("one result line on stdout, logs on stderr").hasSize(1);
        return out;
    }

    private String everyTopicFromTheBeginning() throws Exception {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(stack.prefix())).sorted().toList();
        }
        assertThat(topics).as("the stack's topics, its changelogs and dead letters among them")
                .contains(stack.prefix() + ".feedback.received.v1", stack.prefix() + ".cases.v1", stack.prefix() + ".feedback.dlq.v1",
                        stack.prefix() + ".contact.keys.v1")
                .anyMatch(name -> name.endsWith("-changelog"));
        StringBuilder all = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // what a thief with the disks would read: uncommitted transactions too
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    all.append(record.topic()).append(' ');
                    if (record.key() != null) {
                        all.append(new String(record.key(), StandardCharsets.UTF_8)).append(' ');
                    }
                    if (record.value() != null) {
                        all.append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    all.append('\n');
                }
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        return all.toString();
    }

    private String everyIndexedDocument() {
        Http.Answer refreshed = Http.get(SharedInfrastructure.elasticsearchUrl() + "/" + stack.prefix() + "*/_refresh", null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        Http.Answer documents = Http.postJson(SharedInfrastructure.elasticsearchUrl() + "/" + stack.prefix() + "*/_search",
                "{\"size\":10000,\"query\":{\"match_all\":{}}}");
        assertThat(documents.status()).as(documents.body()).isEqualTo(200);
        return documents.body();
    }

    private String everyServiceLog() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(stack.logs())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(all).as("the services logged").isNotEmpty();
        return all.toString();
    }
}
