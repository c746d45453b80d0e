package io.langnghe.search.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.Alert;
import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.search.indexing.DeadLetters;
import io.langnghe.search.indexing.IndexerSettings;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.indexing.TopicIndexer;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the alerts index in step with {@code alerts.v1}, as the case indexer does for cases: one
 * bulk per poll, offsets committed only after Elasticsearch confirmed it. An alert is written once
 * ({@code create}): a replay finds it there (409) and leaves its acknowledgement alone.
 */
@Singleton
public class AlertIndexer extends TopicIndexer {

    private static final int ALREADY_THERE = 409;

    private final ElasticsearchClient client;
    private final CasesIndex index;
    private final DeadLetters deadLetters;
    private final Deserializer<Alert> alerts;

    public AlertIndexer(KafkaSettings kafka, IndexerSettings settings, ElasticsearchClient client,
                        ElasticsearchSettings elasticsearch, DeadLetters deadLetters) {
        super(kafka, settings, new IndexSetup(client, AlertsIndex.of(elasticsearch), AlertsIndex.TEMPLATE_RESOURCE),
                kafka.topics().alerts().name(), kafka.indexerGroupId() + ".alerts", "alert", "alerts");
        this.client = client;
        this.index = indexSetup().index();
        this.deadLetters = deadLetters;
        this.alerts = kafka.topics().alerts().valueSerde().deserializer();
    }

    @Override
    protected void index(ConsumerRecords<byte[], byte[]> records) throws Exception {
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
}
