package io.langnghe.search.indexing;

import io.langnghe.contracts.kafka.ConsumerProgress;
import io.langnghe.search.index.IndexSetup;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps indices in step with their topics: gather polled records into a bulk until it is large enough or
 * its oldest record has waited long enough ({@link PendingBulk}), hand it to {@link #index}, and commit
 * the offsets only once that returned, i.e. Elasticsearch confirmed it. When it throws, the consumer
 * rewinds to the start of the bulk and tries again after a growing pause; nothing is skipped.
 * Subclasses decide how a bulk is written and which records go to the dead-letter topic.
 */
public abstract class TopicIndexer {

    /** The subclass's logger, so log lines keep naming the indexer they come from. */
    protected final Logger log = LoggerFactory.getLogger(getClass());

    private final KafkaSettings kafka;
    private final IndexerSettings settings;
    private final List<IndexSetup> indexSetups;
    private final List<String> topics;
    private final String groupId;
    private final String name;
    private final String recordNoun;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;
    /** For the health: when a batch was last committed (or nothing was left to read), and how far behind. */
    private volatile long advancedAt = System.nanoTime();
    private volatile long lag;

    /**
     * @param name       what the indexer is called in its thread name ({@code name-indexer}) and logs
     * @param recordNoun what a batch holds, for the retry warning ("records", "alerts")
     */
    protected TopicIndexer(KafkaSettings kafka, IndexerSettings settings, List<IndexSetup> indexSetups,
                           List<String> topics, String groupId, String name, String recordNoun) {
        this.kafka = kafka;
        this.settings = settings;
        this.indexSetups = List.copyOf(indexSetups);
        this.topics = List.copyOf(topics);
        this.groupId = groupId;
        this.name = name;
        this.recordNoun = recordNoun;
    }

    /** Writes one bulk; returns only once Elasticsearch confirmed it, throws to have it retried. */
    protected abstract void index(ConsumerRecords<byte[], byte[]> records) throws Exception;

    protected final KafkaSettings kafka() {
        return kafka;
    }

    public final String name() {
        return name;
    }

    /** Whether the thread runs, how many records it is behind, and how long since it last moved on. */
    public final ConsumerProgress progress() {
        Thread current = thread;
        return new ConsumerProgress(current != null && current.isAlive(), lag,
                Duration.ofNanos(System.nanoTime() - advancedAt));
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        thread = new Thread(this::run, name + "-indexer");
        thread.start();
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    private void run() {
        if (!prepareIndex()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> kafkaConsumer = newConsumer()) {
            consumer = kafkaConsumer;
            if (stopping.getCount() == 0) {
                return;
            }
            PendingBulk pending = new PendingBulk(settings.maxBulkRecords(), settings.maxBulkDelay());
            kafkaConsumer.subscribe(topics, new ForgetRevoked(pending));
            log.info("Indexing {} into {} as group {}", topics, indexSetups.stream().map(s -> s.index().alias()).toList(), groupId);
            Backoff backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
            while (stopping.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> polled;
                try {
                    polled = kafkaConsumer.poll(pending.untilDue(System.nanoTime(), settings.pollTimeout()));
                    lag = currentLag(kafkaConsumer);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // a broker restart or a lost coordinator: the thread waits and polls again rather than end
                    Duration pause = backoff.next();
                    log.warn("Polling {} failed; polling again in {} ms: {}", topics, pause.toMillis(), e.toString());
                    pause(pause);
                    continue;
                }
                pending.add(polled, System.nanoTime());
                if (pending.isEmpty()) {
                    if (lag == 0) {
                        advancedAt = System.nanoTime();
                    }
                    continue;
                }
                if (!pending.isDue(System.nanoTime())) {
                    continue;
                }
                try {
                    index(pending.records());
                    kafkaConsumer.commitSync(pending.nextOffsets());
                    advancedAt = System.nanoTime();
                    backoff.reset();
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    Duration pause = backoff.next();
                    log.warn("Indexing a bulk of {} {} failed; retrying in {} ms: {}", pending.count(), recordNoun, pause.toMillis(), e.toString());
                    rewind(kafkaConsumer, pending);
                    pause(pause);
                }
                pending.clear();
            }
        } catch (WakeupException stopped) {
            // stop() woke the consumer up: leave the loop; uncommitted records are read again next time.
        } catch (RuntimeException e) {
            log.error("The {} indexer stopped", name, e);
        }
    }

    /** Waits for Elasticsearch at start-up rather than failing: it may start after this service. */
    private boolean prepareIndex() {
        for (IndexSetup indexSetup : indexSetups) {
            if (!prepare(indexSetup)) {
                return false;
            }
        }
        return true;
    }

    private boolean prepare(IndexSetup indexSetup) {
        Backoff backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
        while (stopping.getCount() > 0) {
            try {
                indexSetup.ensure();
                return true;
            } catch (Exception e) {
                Duration pause = backoff.next();
                log.warn("Cannot prepare the {} index yet; retrying in {} ms: {}", indexSetup.index().alias(), pause.toMillis(), e.toString());
                pause(pause);
            }
        }
        return false;
    }

    /** Records between the position and the end of the assigned partitions, as far as the consumer knows. */
    private static long currentLag(KafkaConsumer<byte[], byte[]> consumer) {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                behind += partitionLag.getAsLong();
            }
        }
        return behind;
    }

    /**
     * Back to the first record of the bulk, so the next polls return it all again. Partitions lost
     * to a rebalance meanwhile are left alone: their new owner starts from the last commit.
     */
    private static void rewind(KafkaConsumer<byte[], byte[]> consumer, PendingBulk bulk) {
        bulk.firstOffsets().forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** A bulk never holds records of a partition this consumer no longer owns. */
    private record ForgetRevoked(PendingBulk pending) implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pending.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // a new partition is read from its last commit
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            pending.forget(partitions);
        }
    }

    private void pause(Duration pause) {
        try {
            stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> config = kafka.connection();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Producers such as routing-streams write in exactly-once transactions: never index an aborted record.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Pauses that double after each failure, up to a ceiling. */
    public static final class Backoff {
        private final Duration first;
        private final Duration max;
        private Duration next;

        public Backoff(Duration first, Duration max) {
            this.first = first;
            this.max = max;
            this.next = first;
        }

        public Duration next() {
            Duration current = next;
            next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
            return current;
        }

        public void reset() {
            next = first;
        }
    }
}
