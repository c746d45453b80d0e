package io.langnghe.search.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.Alert;
import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.search.indexing.CaseIndexer.Backoff;
import io.langnghe.search.indexing.DeadLetters;
import io.langnghe.search.indexing.IndexerSettings;
import io.langnghe.search.indexing.KafkaSettings;
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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the alerts index in step with {@code alerts.v1}, as the case indexer does for cases: one
 * bulk per poll, offsets committed only after Elasticsearch confirmed it. An alert is written once
 * ({@code create}): a replay finds it there (409) and leaves its acknowledgement alone.
 */
@Singleton
public class AlertIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIndexer.class);
    private static final int ALREADY_THERE = 409;

    private final KafkaSettings kafka;
    private final IndexerSettings settings;
    private final ElasticsearchClient client;
    private final IndexSetup indexSetup;
    private final CasesIndex index;
    private final DeadLetters deadLetters;
    private final Deserializer<Alert> alerts;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public AlertIndexer(KafkaSettings kafka, IndexerSettings settings, ElasticsearchClient client,
                        ElasticsearchSettings elasticsearch, DeadLetters deadLetters) {
        this.kafka = kafka;
        this.settings = settings;
        this.client = client;
        this.index = AlertsIndex.of(elasticsearch);
        this.indexSetup = new IndexSetup(client, index, AlertsIndex.TEMPLATE_RESOURCE);
        this.deadLetters = deadLetters;
        this.alerts = kafka.topics().alerts().valueSerde().deserializer();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::run, "alert-indexer");
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
        Backoff backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
        while (stopping.getCount() > 0) {
            try {
                indexSetup.ensure();
                break;
            } catch (Exception e) {
                pause(backoff.next());
            }
        }
        try (KafkaConsumer<byte[], byte[]> kafkaConsumer = newConsumer()) {
            consumer = kafkaConsumer;
            if (stopping.getCount() == 0) {
                return;
            }
            kafkaConsumer.subscribe(List.of(kafka.topics().alerts().name()));
            backoff.reset();
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
                    LOG.warn("Indexing {} alerts failed; retrying in {} ms: {}", records.count(), pause.toMillis(), e.toString());
                    for (TopicPartition partition : records.partitions()) {
                        if (kafkaConsumer.assignment().contains(partition)) {
                            kafkaConsumer.seek(partition, records.records(partition).get(0).offset());
                        }
                    }
                    pause(pause);
                }
            }
        } catch (WakeupException stopped) {
            // stop() woke the consumer up; uncommitted alerts are read again next time.
        } catch (RuntimeException e) {
            LOG.error("The alert indexer stopped", e);
        }
    }

    private void index(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<Alert> readable = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                Alert alert = alerts.deserialize(record.topic(), record.value());
                if (alert.alertId() == null || alert.alertId().isBlank()) {
                    unreadable.add(new DeadLetters.Unreadable(record, "alert without alertId"));
                } else {
                    readable.add(alert);
                }
            } catch (RuntimeException e) {
                unreadable.add(new DeadLetters.Unreadable(record, String.valueOf(e.getMessage())));
            }
        }
        write(readable);
        if (!unreadable.isEmpty()) {
            deadLetters.sendAll(unreadable);
        }
    }

    private void write(List<Alert> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Alert alert : batch) {
            bulk.operations(op -> op.create(c -> c.index(index.alias()).id(alert.alertId()).document(AlertDocument.of(alert))));
        }
        BulkResponse response = client.bulk(bulk.build());
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != ALREADY_THERE) {
                failures.add(item.id() + " (" + item.status() + " " + item.error().type() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Elasticsearch refused alerts: " + String.join("; ", failures));
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
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.indexerGroupId() + ".alerts");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
