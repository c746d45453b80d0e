package io.langnghe.bench.e2e;

import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Records the stack wrote to each of its topics during a run: the contracts' topics and routing-streams'
 * own (its stores' changelogs and repartition topics, all named {@code <prefix>.…}). The end offsets before and after bound
 * the range; the range is then read back (read_committed), because end offsets of the transactional
 * topics routing-streams writes also count commit markers, which are not records.
 */
final class TopicRecords implements AutoCloseable {

    /** Records written to one topic in the range, and the largest value among them in bytes. */
    record Written(long records, int largestBytes) {
    }

    private final String bootstrap;
    private final String prefix;
    private final List<String> contractTopics;
    private final Admin admin;

    TopicRecords(Stack stack) {
        this.bootstrap = stack.kafka();
        this.prefix = stack.topicsPrefix() + ".";
        this.contractTopics = Topics.withPrefix(stack.topicsPrefix()).all().stream().map(Topic::name).toList();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** The end offset of every partition of the stack's topics that exist. */
    Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException {
        var ours = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix)).toList();
        var descriptions = admin.describeTopics(ours).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.forEach((name, d) -> d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Reads back every record between two snapshots of the end offsets, per topic in the contracts' order. */
    Map<String, Written> between(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        contractTopics.forEach(t -> counts.put(t, new long[2]));
        after.keySet().stream().map(TopicPartition::topic).sorted().forEach(t -> counts.putIfAbsent(t, new long[2]));
        Map<TopicPartition, Long> from = new HashMap<>();
        after.forEach((partition, end) -> {
            long start = before.getOrDefault(partition, 0L);
            if (end > start) {
                from.put(partition, start);
            }
        });
        if (!from.isEmpty()) {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.assign(from.keySet());
                from.forEach(consumer::seek);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!from.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition partition = new TopicPartition(r.topic(), r.partition());
                        if (from.containsKey(partition) && r.offset() < after.get(partition)) {
                            long[] c = counts.get(r.topic());
                            c[0]++;
                            c[1] = Math.max(c[1], r.value() == null ? 0 : r.value().length);
                        }
                    }
                    from.keySet().removeIf(p -> consumer.position(p) >= after.get(p));
                }
            }
        }
        Map<String, Written> written = new LinkedHashMap<>();
        counts.forEach((topic, c) -> written.put(topic, new Written(c[0], (int) c[1])));
        return written;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
