package io.langnghe.bench.e2e;

import io.langnghe.contracts.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When each accepted petition's case was first readable on {@code cases.v1} as search-service reads it (read_committed:
 * once routing-streams committed its transaction), from the moment the petition was due to be sent. Beside 202 →
 * searchable it splits the wait in two: what routing-streams takes, and what indexing and Elasticsearch's refresh take.
 * A case's key on the topic is its id, the petition's feedback id.
 */
final class CaseCommits implements AutoCloseable {

    private static final Duration READY_BOUND = Duration.ofSeconds(30);

    private final Map<String, Long> scheduledNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;
    private volatile RuntimeException failed;

    /** Returns once it reads from the topic's end: every case committed from then on is seen. */
    CaseCommits(Stack stack) throws InterruptedException {
        this.topic = Topics.withPrefix(stack.topicsPrefix()).cases().name();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Kafka's long poll answers as soon as a commit makes a record readable (fetch.min.bytes 1): a shorter
                // fetch.max.wait would only add empty fetches to the broker being measured (+0.2 ms per petition at 10 ms)
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "bench-e2e-case-commits");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(READY_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("Could not read " + topic + " within " + READY_BOUND.toSeconds() + " s");
        }
        if (failed != null) {
            throw failed;
        }
    }

    void watch(OpenLoad.Accepted accepted) {
        scheduledNanos.put(accepted.feedbackId(), accepted.scheduledNanos());
    }

    /** 202 → on cases.v1 in milliseconds, of the watched petitions whose case was seen. */
    Histogram committed() {
        Histogram committed = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
        scheduledNanos.forEach((id, scheduled) -> {
            Long seen = firstSeenNanos.get(id);
            if (seen != null) {
                committed.recordValue(Math.min(Math.max(0, TimeUnit.NANOSECONDS.toMillis(seen - scheduled)), committed.getHighestTrackableValue()));
            }
        });
        return committed;
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // positions are looked up lazily: fix them now, before the load's first petition
            partitions.forEach(consumer::position);
            ready.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.key() != null) {
                        firstSeenNanos.putIfAbsent(new String(r.key(), StandardCharsets.UTF_8), System.nanoTime());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() ends the read
        } catch (RuntimeException e) {
            failed = e;
            ready.countDown();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
