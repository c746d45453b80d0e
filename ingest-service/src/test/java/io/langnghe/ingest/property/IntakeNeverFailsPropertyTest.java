package io.langnghe.ingest.property;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.ingest.Http;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 generated bodies (valid, broken, huge, odd Unicode) against the real broker, 6,000 to the
 * JSON door ({@code POST /api/feedback}) and 4,000 to the form door ({@code POST /open311/v2/requests.json}):
 * never a 5xx; every accepted body put exactly one event on the topic, every refused one none.
 * After each property the topic is read once: it must hold exactly the accepted petitions, each
 * once (the prefix is this test's own, so nothing else writes there).
 */
class IntakeNeverFailsPropertyTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String API_KEY = "property-key";

    private static EmbeddedServer server;
    private static Http http;
    private static KafkaConsumer<String, String> topic;
    private static List<TopicPartition> partitions;
    /** What each accepted request said it stored: the feedback id, which both doors answer. */
    private static final List<String> accepted = new ArrayList<>();

    @BeforeContainer
    static void start() {
        String prefix = SharedInfrastructure.uniquePrefix();
        Topics topics = SharedInfrastructure.createTopics(prefix);
        server = ApplicationContext.builder()
                .environments("test")
                .properties(Map.of(
                        "micronaut.server.port", "-1",
                        "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                        "langnghe.topics-prefix", prefix,
                        "langnghe.local-stack", "true",
                        "langnghe.secrets.open311", API_KEY,
                        "langnghe.intake.producer.linger", "0ms"))
                .run(EmbeddedServer.class);
        http = new Http(server.getURI());
        topic = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        String name = topics.feedbackReceived().name();
        partitions = topic.partitionsFor(name, WITHIN).stream().map(p -> new TopicPartition(name, p.partition())).toList();
        topic.assign(partitions);
        topic.seekToEnd(partitions);
        partitions.forEach(topic::position);
    }

    @AfterContainer
    static void stop() {
        if (topic != null) {
            topic.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Property(tries = 6000, seed = "20251126")
    void jsonDoorNeverFailsAndStoresExactlyWhatItAccepts(@ForAll("jsonBodies") String body) {
        HttpResponse<String> response = http.postJson("/api/feedback", body);

        assertThat(response.statusCode()).as(body).isLessThan(500).isNotIn(200, 201);
        if (response.statusCode() == 202) {
            accepted.add("feedbackId:" + Http.json(response).get("feedbackId").asText());
        } else {
            assertThat(response.statusCode()).as(body).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Property(tries = 4000, seed = "20251127")
    void formDoorNeverFailsAndStoresExactlyWhatItAccepts(@ForAll("forms") String form) {
        HttpResponse<String> response = http.postBytes("/open311/v2/requests.json", form.getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).as(form).isLessThan(500);
        if (response.statusCode() == 200) {
            // Open311's id is the public one (the feedback id): the tracking code stays the resident's secret
            accepted.add("feedbackId:" + Http.json(response).get(0).get("service_request_id").asText());
        } else {
            assertThat(response.statusCode()).as(form).isBetween(400, 499);
        }
    }

    @AfterProperty
    void topicHoldsEachAcceptedPetitionOnceAndNothingElse() {
        List<ConsumerRecord<String, String>> stored = newRecords();
        assertThat(accepted).as("some bodies must be accepted for this to mean anything").hasSizeGreaterThan(100);
        assertThat(stored).hasSameSizeAs(accepted);
        Map<String, Long> storedIds = stored.stream().map(ConsumerRecord::value).map(IntakeNeverFailsPropertyTest::read)
                .flatMap(event -> Stream.of("feedbackId:" + event.get("feedbackId").asText(),
                        "trackingCode:" + event.get("trackingCode").asText()))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(accepted).allSatisfy(id -> assertThat(storedIds.get(id)).as(id).isEqualTo(1L));
        accepted.clear();
    }

    /** Everything written since the last call, in order: one partition per test topic, and each answer came after Kafka's ack. */
    private static List<ConsumerRecord<String, String>> newRecords() {
        Map<TopicPartition, Long> end = topic.endOffsets(partitions, WITHIN);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (end.entrySet().stream().anyMatch(e -> topic.position(e.getKey()) < e.getValue())) {
            assertThat(System.nanoTime()).as("reading the topic to its end").isLessThan(deadline);
            topic.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, petitions().map(IntakeNeverFailsPropertyTest::json)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("[]", "null", "42", "\"text\"", "{", "{\"text\":}", "{\"text\":\"a\",\"text\":\"b\",\"channel\":\"web\"}",
                        "{\"text\":\"\\ud800\",\"channel\":\"web\"}", "{\"text\":\"ok\",\"channel\":\"web\"} trailing",
                        "{\"text\":{\"deep\":[[[[[]]]]]},\"channel\":\"web\"}", "\uFEFF{\"text\":\"BOM\",\"channel\":\"web\"}")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(4_990, 70_000).map(n -> json(Map.of("text", "ư".repeat(n), "channel", "web")))));
    }

    private static Arbitrary<Map<String, Object>> petitions() {
        Arbitrary<Optional<Object>> text = Arbitraries.oneOf(oddText(), Arbitraries.just(""), Arbitraries.integers().map(i -> (Object) i))
                .injectNull(0.05).map(Optional::ofNullable);
        Arbitrary<String> channel = Arbitraries.of("web", "web", "web", "WEB", "hotline", "zalo", "sms", "pigeon", "");
        Arbitrary<String> area = Arbitraries.oneOf(Arbitraries.of("tdp-01", "TDP-05", "tdp-20", "tdp-21", "tdp-00", " tdp-07 "),
                Arbitraries.strings().ofMaxLength(12)).injectNull(0.4);
        Arbitrary<String> phone = Arbitraries.oneOf(Arbitraries.of("0912 345 678", "+84 912 345 678", "84912345678", "0237 3852 123",
                "1900 1234", "0123456789", "+1 650 253 0000"), Arbitraries.strings().numeric().ofMaxLength(14)).injectNull(0.5);
        Arbitrary<Object> consent = Arbitraries.<Object>of(true, false, "yes", 1).injectNull(0.5);
        return Combinators.combine(text, channel, area, phone, consent, oddText().injectNull(0.6), oddText().injectNull(0.7))
                .as((t, c, a, p, consentTo, address, name) -> {
                    Map<String, Object> petition = new LinkedHashMap<>();
                    t.ifPresent(value -> petition.put("text", value));
                    petition.put("channel", c);
                    petition.put("area", a);
                    petition.put("phone", p);
                    petition.put("consentToContact", consentTo);
                    petition.put("address", address);
                    petition.put("name", name);
                    return petition;
                });
    }

    /** Vietnamese in NFC and NFD, TCVN3 and VNI leftovers, emoji, right-to-left, zero-width and control characters. */
    private static Arbitrary<String> oddText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐƯƠ.,!?0123456789")
                        .ofMinLength(1).ofMaxLength(300),
                Arbitraries.strings().withChars("e\u0301\u0300\u0323\u0302\u0306\u031B o a u").ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().withChars("µ¸¶·¹¨»¾¼½©®ª×Þß¬«\u00AD¡¢§£¤¥¦ùøûõïâáàåãäêéèúüëôöñî abcnhg").ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings().withChars("😀🏠🚧\u200B\u200D\u202E\u0000\u0007\t\r\n\u00A0\u2028שלוםمرحبا漢字").ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> forms() {
        Arbitrary<String> key = Arbitraries.of(API_KEY, API_KEY, API_KEY, "wrong", "").injectNull(0.05);
        Arbitrary<String> service = Arbitraries.of("giao_thong_ha_tang", "moi_truong", "khac", "potholes", "").injectNull(0.1);
        Arbitrary<String> coordinate = Arbitraries.oneOf(Arbitraries.of("19.8075", "105.7767", "-91", "NaN", "1e308", "abc"),
                Arbitraries.doubles().between(-200, 200).map(String::valueOf)).injectNull(0.3);
        Arbitrary<String> address = oddText().injectNull(0.5);
        return Combinators.combine(key, service, coordinate, coordinate, address, oddText().injectNull(0.1), Arbitraries.strings().ofMaxLength(30))
                .as((k, s, lat, lon, addr, description, junk) -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    put(form, "api_key", k);
                    put(form, "service_code", s);
                    put(form, "lat", lat);
                    put(form, "long", lon);
                    put(form, "address_string", addr);
                    put(form, "description", description);
                    String encoded = form.entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
                    // Now and then a raw, possibly broken tail (a stray % escape, an empty pair).
                    return junk.isEmpty() ? encoded : encoded + "&" + junk;
                });
    }

    private static void put(Map<String, String> form, String field, String value) {
        if (value != null) {
            form.put(field, value);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON on the topic: " + json, e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
