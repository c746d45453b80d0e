package io.langnghe.contracts.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole topic read from its beginning up to the end it has when the read begins: the snapshot a job
 * (a reindex, a migration, the morning digest) or a restarting sender needs. Records written after that
 * end are left for a later {@link #readToEnd} on the same reader.
 */
public final class TopicToEnd<K, V> {

    private static final Duration POLL = Duration.ofMillis(300);

    private final KafkaConsumer<K, V> consumer;
    private final List<TopicPartition> partitions;
    private final Duration within;

    private TopicToEnd(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions, Duration within) {
        this.consumer = consumer;
        this.partitions = partitions;
        this.within = within;
    }

    /** Assigns every partition of the topic to the consumer (no group) and seeks to its beginning. */
    public static <K, V> TopicToEnd<K, V> fromBeginning(KafkaConsumer<K, V> consumer, String topic, Duration within) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, within).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TopicToEnd<>(consumer, partitions, within);
    }

    /** Reads up to the topic's end as it is now, in batches; returns the records read. */
    public long readToEnd(Consumer<List<ConsumerRecord<K, V>>> batches) {
        return readToEnd(null, batches);
    }

    /**
     * As {@link #readToEnd(Consumer)}, but gives up with an {@link IllegalStateException} when the end is
     * not reached within {@code bound}: a service that must not start on half a topic says so.
     */
    public long readToEnd(Duration bound, Consumer<List<ConsumerRecord<K, V>>> batches) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, within);
        long deadline = bound == null ? Long.MAX_VALUE : System.nanoTime() + bound.toNanos();
        long read = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p, within) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + partitions.get(0).topic() + " to its end within " + bound);
            }
            List<ConsumerRecord<K, V>> batch = new ArrayList<>();
            Map<TopicPartition, Long> beyond = new HashMap<>();
            for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    batch.add(record);
                } else {
                    beyond.putIfAbsent(partition, record.offset());
                }
            }
            // what a poll brought from past the end is read again by the next readToEnd, not skipped
            beyond.forEach(consumer::seek);
            read += batch.size();
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        }
        return read;
    }
}
