package io.langnghe.search.indexing;

import io.langnghe.contracts.CaseState;
import io.langnghe.search.index.IndexSetup;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the index in step with {@code cases.v1}: poll a batch, write it with one bulk request,
 * and commit the offsets only once Elasticsearch confirmed it. When a write fails, the consumer
 * rewinds to the start of the batch and tries again after a growing pause; nothing is skipped.
 * A record that is not a readable case goes to the dead-letter topic and is committed past.
 */
@Singleton
public class CaseIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(CaseIndexer.class);

    private final KafkaSettings kafka;
    private final IndexerSettings settings;
    private final IndexSetup indexSetup;
    private final CaseWriter writer;
    private final DeadLetters deadLetters;
    private final Deserializer<CaseState> cases;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public CaseIndexer(KafkaSettings kafka, IndexerSettings settings, IndexSetup indexSetup,
                       CaseWriter writer, DeadLetters deadLetters) {
        this.kafka = kafka;
        this.settings = settings;
        this.indexSetup = indexSetup;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.cases = kafka.topics().cases().valueSerde().deserializer();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::run, "case-indexer");
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
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
            kafkaConsumer.subscribe(List.of(kafka.topics().cases().name()));
            LOG.info("Indexing {} into {} as group {}", kafka.topics().cases().name(), indexSetup.index().alias(), kafka.indexerGroupId());
            Backoff backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
            while (stopping.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> records = kafkaConsumer.poll(settings.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    index(records);
                    kafkaConsumer.commitSync(nextOffsets(records));
                    backoff.reset();
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    Duration pause = backoff.next();
                    LOG.warn("Indexing a batch of {} records failed; retrying in {} ms: {}", records.count(), pause.toMillis(), e.toString());
                    rewind(kafkaConsumer, records);
                    pause(pause);
                }
            }
        } catch (WakeupException stopped) {
            // stop() woke the consumer up: leave the loop; uncommitted records are read again next time.
        } catch (RuntimeException e) {
            LOG.error("The case indexer stopped", e);
        }
    }

    /** Waits for Elasticsearch at start-up rather than failing: it may start after this service. */
    private boolean prepareIndex() {
        Backoff backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
        while (stopping.getCount() > 0) {
            try {
                indexSetup.ensure();
                return true;
            } catch (Exception e) {
                Duration pause = backoff.next();
                LOG.warn("Cannot prepare the cases index yet; retrying in {} ms: {}", pause.toMillis(), e.toString());
                pause(pause);
            }
        }
        return false;
    }

    private void index(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<CaseChange> changes = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read(record, changes, unreadable);
        }
        writer.write(changes);
        if (!unreadable.isEmpty()) {
            LOG.warn("{} unreadable records of {} sent to {}", unreadable.size(), kafka.topics().cases().name(), kafka.topics().feedbackDlq().name());
            deadLetters.sendAll(unreadable);
        }
    }

    private void read(ConsumerRecord<byte[], byte[]> record, List<CaseChange> changes, List<DeadLetters.Unreadable> unreadable) {
        if (record.value() == null) {
            if (record.key() != null) {
                changes.add(new CaseChange.Removal(new String(record.key(), StandardCharsets.UTF_8)));
            }
            return;
        }
        try {
            CaseState state = cases.deserialize(record.topic(), record.value());
            if (state.caseId() == null || state.caseId().isBlank()) {
                unreadable.add(new DeadLetters.Unreadable(record, "case without caseId"));
            } else {
                changes.add(new CaseChange.Upsert(state));
            }
        } catch (RuntimeException e) {
            unreadable.add(new DeadLetters.Unreadable(record, String.valueOf(e.getMessage())));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /**
     * Back to the first record of the batch, so the next poll returns it all again. Partitions lost
     * to a rebalance meanwhile are left alone: their new owner starts from the last commit.
     */
    private static void rewind(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
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
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.indexerGroupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // routing-streams writes cases in exactly-once transactions: never index an aborted state.
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
