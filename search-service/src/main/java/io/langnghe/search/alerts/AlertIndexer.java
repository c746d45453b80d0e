package io.langnghe.search.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.Alert;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.search.indexing.DeadLetters;
import io.langnghe.search.indexing.IndexedTopic;
import io.langnghe.search.indexing.IndexingFailedException;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.indexing.ReadModelIndexer;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the alerts index in step with {@code alerts.v1}, as part of the read model's bulks
 * ({@link ReadModelIndexer}): offsets committed only after Elasticsearch confirmed the bulk. An alert is
 * written once ({@code create}): a replay finds it there (409) and leaves its acknowledgement alone.
 */
@Singleton
public class AlertIndexer implements IndexedTopic {

    private static final int ALREADY_THERE = 409;

    private final KafkaSettings kafka;
    private final IndexSetup indexSetup;
    private final String alias;
    private final Deserializer<Alert> alerts;

    public AlertIndexer(KafkaSettings kafka, ElasticsearchClient client, ElasticsearchSettings elasticsearch) {
        this.kafka = kafka;
        this.indexSetup = new IndexSetup(client, AlertsIndex.of(elasticsearch), AlertsIndex.TEMPLATE_RESOURCE);
        this.alias = indexSetup.index().alias();
        this.alerts = kafka.topics().alerts().valueSerde().deserializer();
    }

    @Override
    public String topic() {
        return kafka.topics().alerts().name();
    }

    @Override
    public IndexSetup indexSetup() {
        return indexSetup;
    }

    @Override
    public Share share(List<ConsumerRecord<byte[], byte[]>> records) {
        List<BulkOperation> operations = new ArrayList<>();
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
                    operations.add(BulkOperation.of(op -> op
                            .create(c -> c
                                    .index(alias)
                                    .id(alert.alertId())
                                    .document(AlertDocument.of(alert)))));
                }
            } catch (RuntimeException e) {
                unreadable.add(new DeadLetters.Unreadable(record, String.valueOf(e.getMessage())));
            }
        }
        return new Share() {
            @Override
            public List<BulkOperation> operations() {
                return operations;
            }

            @Override
            public List<SetAside> settle(List<BulkResponseItem> answers) {
                List<String> failures = new ArrayList<>();
                for (BulkResponseItem item : answers) {
                    if (item.error() != null && item.status() != ALREADY_THERE) {
                        failures.add(item.id() + " (" + item.status() + " " + item.error().type() + ")");
                    }
                }
                if (!failures.isEmpty()) {
                    throw new IndexingFailedException("Elasticsearch refused alerts: " + String.join("; ", failures));
                }
                return unreadable.isEmpty() ? List.of() : List.of(new SetAside(kafka.topics().feedbackDlq(), unreadable));
            }
        };
    }
}
