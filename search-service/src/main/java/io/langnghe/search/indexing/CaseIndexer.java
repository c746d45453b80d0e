package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.CaseState;
import io.langnghe.search.index.IndexSetup;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the cases index in step with {@code cases.v1}, as part of the read model's bulks
 * ({@link ReadModelIndexer}). Of the versions of one case in a bulk only the newest is written
 * ({@link NewestPerKey}). A tombstone removes its case; a record that is not a readable case goes to the
 * dead-letter topic and is committed past, and so does a case Elasticsearch refused for good (to
 * {@code index.dlq.v1}, with Elasticsearch's reason): the rest of the batch is committed.
 */
@Singleton
public class CaseIndexer implements IndexedTopic {

    private static final Logger LOG = LoggerFactory.getLogger(CaseIndexer.class);

    private final KafkaSettings kafka;
    private final IndexSetup indexSetup;
    private final CaseWriter writer;
    private final Deserializer<CaseState> cases;

    public CaseIndexer(KafkaSettings kafka, IndexSetup indexSetup, CaseWriter writer) {
        this.kafka = kafka;
        this.indexSetup = indexSetup;
        this.writer = writer;
        this.cases = kafka.topics().cases().valueSerde().deserializer();
    }

    @Override
    public String topic() {
        return kafka.topics().cases().name();
    }

    @Override
    public IndexSetup indexSetup() {
        return indexSetup;
    }

    @Override
    public Share share(List<ConsumerRecord<byte[], byte[]>> records) {
        List<CaseChange> changes = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read(record, changes, unreadable);
        }
        List<CaseChange> newest = NewestPerKey.of(changes);
        List<BulkOperation> operations = writer.operations(newest);
        return new Share() {
            @Override
            public List<BulkOperation> operations() {
                return operations;
            }

            @Override
            public List<SetAside> settle(List<BulkResponseItem> answers) {
                List<SetAside> setAside = new ArrayList<>();
                List<Refusal> refusals = writer.settle(newest, answers);
                if (!refusals.isEmpty()) {
                    List<DeadLetters.Unreadable> refused = DeadLetters.latestOfEach(records, refusals);
                    LOG.warn("Elasticsearch refused {} cases for good; sent to {}: {}", refused.size(),
                            kafka.topics().indexDlq().name(), refusals);
                    setAside.add(new SetAside(kafka.topics().indexDlq(), refused));
                }
                if (!unreadable.isEmpty()) {
                    LOG.warn("{} unreadable records of {} sent to {}", unreadable.size(), topic(), kafka.topics().feedbackDlq().name());
                    setAside.add(new SetAside(kafka.topics().feedbackDlq(), unreadable));
                }
                return setAside;
            }
        };
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
}
