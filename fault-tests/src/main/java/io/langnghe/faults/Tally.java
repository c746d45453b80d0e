package io.langnghe.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts, not samples: every case in {@code cases.v1} (read committed, to its end) and every document of
 * the cases index, each found again by the marker word its petition carried; every alert raised and
 * every command's result.
 */
final class Tally {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("chaos[a-z0-9]+n\\d+");

    private final LaunchedStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    Tally(LaunchedStack stack) {
        this.stack = stack;
    }

    /** What was found for one marker: the case ids and, per case, the latest version. */
    record Found(Map<String, Set<String>> caseIdsByMarker, Map<String, Long> versionByCaseId, Map<String, CaseState> latest) {
        Set<String> caseIds(String marker) {
            return caseIdsByMarker.getOrDefault(marker, Set.of());
        }
    }

    /** The latest state of every case in cases.v1, by marker. */
    Found topic() {
        Map<String, CaseState> latest = new HashMap<>();
        for (ConsumerRecord<String, CaseState> record : readAll(topics().cases())) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        Map<String, Set<String>> byMarker = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (CaseState state : latest.values()) {
            marker(state.text()).ifPresent(marker -> byMarker.computeIfAbsent(marker, m -> new HashSet<>()).add(state.caseId()));
            versions.put(state.caseId(), state.version());
        }
        return new Found(byMarker, versions, latest);
    }

    /** Every alert raised so far, in the order raised. */
    List<Alert> alerts() {
        return readAll(topics().alerts()).stream().map(ConsumerRecord::value).filter(java.util.Objects::nonNull).toList();
    }

    /** Every result of an officer's command so far. */
    List<CommandResult> commandResults() {
        return readAll(topics().caseCommandResults()).stream().map(ConsumerRecord::value)
                .filter(java.util.Objects::nonNull).toList();
    }

    private Topics topics() {
        return Topics.withPrefix(stack.prefix());
    }

    /** A topic from its beginning to its end as of now, read committed: what the stack promised, no more. */
    private <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic.name() + " to its end within 2 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every document of this stack's cases index, by marker, with its (external) version. */
    Found index() {
        String body = "{\"size\":10000,\"version\":true,\"_source\":[\"text\"],\"query\":{\"match_all\":{}}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.elasticsearch() + "/" + stack.prefix() + "-cases/_search"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, Set<String>> byMarker = new HashMap<>();
            Map<String, Long> versions = new HashMap<>();
            for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
                String id = hit.path("_id").asText();
                versions.put(id, hit.path("_version").asLong());
                marker(hit.path("_source").path("text").asText()).ifPresent(
                        marker -> byMarker.computeIfAbsent(marker, m -> new HashSet<>()).add(id));
            }
            return new Found(byMarker, versions, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when every marker has its document in the index (Elasticsearch unreachable counts as not yet). */
    boolean searchable(Collection<String> markers) {
        try {
            Found index = index();
            return markers.stream().allMatch(marker -> !index.caseIds(marker).isEmpty());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static java.util.Optional<String> marker(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher matcher = MARKER.matcher(text);
        return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
    }
}
