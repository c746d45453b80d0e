package io.langnghe.search.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records polled but not yet written: one bulk in the making. It is due when it holds
 * {@code maxRecords}, or when its oldest record has waited {@code maxDelay}, whichever comes first,
 * so a busy topic gets large bulks and a quiet one still gets each record written promptly.
 * Times are {@link System#nanoTime()} values passed in, so the rule is tested without a clock.
 */
final class PendingBulk {

    private final int maxRecords;
    private final long maxDelayNanos;
    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
    private int count;
    private long oldestAtNanos;

    PendingBulk(int maxRecords, Duration maxDelay) {
        this.maxRecords = maxRecords;
        this.maxDelayNanos = maxDelay.toNanos();
    }

    void add(ConsumerRecords<byte[], byte[]> polled, long nowNanos) {
        if (polled.isEmpty()) {
            return;
        }
        if (count == 0) {
            oldestAtNanos = nowNanos;
        }
        for (TopicPartition partition : polled.partitions()) {
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(polled.records(partition));
        }
        count += polled.count();
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    boolean isDue(long nowNanos) {
        return count >= maxRecords || (count > 0 && nowNanos - oldestAtNanos >= maxDelayNanos);
    }

    /** How long the next poll may wait before this bulk is due. */
    Duration untilDue(long nowNanos, Duration longest) {
        if (count == 0) {
            return longest;
        }
        long left = Math.max(0, oldestAtNanos + maxDelayNanos - nowNanos);
        return Duration.ofNanos(Math.min(left, longest.toNanos()));
    }

    ConsumerRecords<byte[], byte[]> records() {
        return new ConsumerRecords<>(byPartition);
    }

    /** Where each partition's reading resumes once this bulk is written. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        byPartition.forEach((partition, records) ->
                offsets.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1)));
        return offsets;
    }

    /** Where each partition's reading must restart for this bulk to be read again. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        byPartition.forEach((partition, records) -> offsets.put(partition, records.get(0).offset()));
        return offsets;
    }

    /** Partitions taken away by a rebalance: their new owner reads them again from the last commit. */
    void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            List<ConsumerRecord<byte[], byte[]>> dropped = byPartition.remove(partition);
            if (dropped != null) {
                count -= dropped.size();
            }
        }
    }

    void clear() {
        byPartition.clear();
        count = 0;
    }
}
