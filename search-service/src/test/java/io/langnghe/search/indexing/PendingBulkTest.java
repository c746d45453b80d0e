package io.langnghe.search.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk is written when it is big enough or its oldest record has waited long enough, whichever first. */
class PendingBulkTest {

    private static final TopicPartition P0 = new TopicPartition("t.cases.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("t.cases.v1", 1);
    private static final long MS = 1_000_000;

    private final PendingBulk bulk = new PendingBulk(5, Duration.ofMillis(100));

    @Test
    void isDueOnceItHoldsEnoughRecords() {
        bulk.add(polled(P0, 10, 3), 0);
        assertThat(bulk.isDue(1 * MS)).isFalse();

        bulk.add(polled(P0, 13, 2), 2 * MS);
        assertThat(bulk.isDue(2 * MS)).isTrue();
    }

    @Test
    void isDueOnceItsOldestRecordWaitedTheLongestDelay() {
        bulk.add(polled(P0, 10, 1), 0);
        bulk.add(polled(P1, 4, 1), 60 * MS);

        assertThat(bulk.isDue(99 * MS)).isFalse();
        assertThat(bulk.untilDue(60 * MS, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(40));
        assertThat(bulk.isDue(100 * MS)).isTrue();
    }

    @Test
    void anEmptyBulkIsNeverDueAndLetsThePollWaitItsFullTime() {
        assertThat(bulk.isDue(10_000 * MS)).isFalse();
        assertThat(bulk.untilDue(0, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void commitsAfterTheLastRecordAndRewindsToTheFirstOfEachPartition() {
        bulk.add(polled(P0, 10, 2), 0);
        bulk.add(polled(P1, 4, 1), 1 * MS);
        bulk.add(polled(P0, 12, 1), 2 * MS);

        assertThat(bulk.nextOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13), P1, new OffsetAndMetadata(5)));
        assertThat(bulk.firstOffsets()).isEqualTo(Map.of(P0, 10L, P1, 4L));
        assertThat(bulk.records().count()).isEqualTo(4);
    }

    @Test
    void forgetsThePartitionsARebalanceTookAway() {
        bulk.add(polled(P0, 10, 2), 0);
        bulk.add(polled(P1, 4, 3), 0);

        bulk.forget(List.of(P1));

        assertThat(bulk.count()).isEqualTo(2);
        assertThat(bulk.nextOffsets()).containsOnlyKeys(P0);
    }

    private static ConsumerRecords<byte[], byte[]> polled(TopicPartition partition, long firstOffset, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = LongStream.range(firstOffset, firstOffset + count)
                .mapToObj(offset -> new ConsumerRecord<byte[], byte[]>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]))
                .toList();
        return new ConsumerRecords<>(Map.of(partition, records));
    }
}
