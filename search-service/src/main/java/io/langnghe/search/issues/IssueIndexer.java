package io.langnghe.search.issues;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.IssueState;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.search.indexing.BulkOutcome;
import io.langnghe.search.indexing.DeadLetters;
import io.langnghe.search.indexing.IndexedTopic;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.indexing.NewestPerKey;
import io.langnghe.search.indexing.ReadModelIndexer;
import io.langnghe.search.indexing.Refusal;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the issues index in step with {@code issues.v1}, as part of the read model's bulks
 * ({@link ReadModelIndexer}), with the case indexer's discipline: of the versions of one issue in a bulk
 * only the newest is written ({@link NewestPerKey}), with the issue's version as external version (a replay
 * of older versions is refused with a 409, which is success), the offsets committed only once Elasticsearch
 * confirmed the bulk. A tombstone deletes the issue, so its cases fall back to their own risk. An unreadable
 * record, or an issue Elasticsearch refused for good, goes whole to {@code index.dlq.v1} and the rest of the
 * bulk is committed.
 */
@Singleton
public class IssueIndexer implements IndexedTopic {

    private static final Logger LOG = LoggerFactory.getLogger(IssueIndexer.class);

    private final KafkaSettings kafka;
    private final IndexSetup indexSetup;
    private final String alias;
    private final Deserializer<IssueState> issues;
    private final BulkOutcome outcome;

    public IssueIndexer(KafkaSettings kafka, ElasticsearchClient client, ElasticsearchSettings elasticsearch, MeterRegistry metrics) {
        this.kafka = kafka;
        this.indexSetup = new IndexSetup(client, IssuesIndex.of(elasticsearch), IssuesIndex.TEMPLATE_RESOURCE);
        this.alias = indexSetup.index().alias();
        this.issues = kafka.topics().issues().valueSerde().deserializer();
        this.outcome = new BulkOutcome(metrics.counter("langnghe.search.issues.indexed"),
                metrics.counter("langnghe.search.issues.superseded"), metrics.counter("langnghe.search.issues.refused"));
    }

    @Override
    public String topic() {
        return kafka.topics().issues().name();
    }

    @Override
    public IndexSetup indexSetup() {
        return indexSetup;
    }

    @Override
    public Share share(List<ConsumerRecord<byte[], byte[]>> records) {
        List<IssueChange> changes = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read(record, changes, unreadable);
        }
        List<BulkOperation> operations = operations(NewestPerKey.of(changes));
        return new Share() {
            @Override
            public List<BulkOperation> operations() {
                return operations;
            }

            @Override
            public List<SetAside> settle(List<BulkResponseItem> answers) {
                List<Refusal> refusals = outcome.read(answers, "issues", i -> { });
                List<DeadLetters.Unreadable> setAside = new ArrayList<>(unreadable);
                if (!refusals.isEmpty()) {
                    LOG.warn("Elasticsearch refused {} issues for good; sent to {}: {}", refusals.size(),
                            kafka.topics().indexDlq().name(), refusals);
                    setAside.addAll(DeadLetters.latestOfEach(records, refusals));
                }
                if (setAside.isEmpty()) {
                    return List.of();
                }
                LOG.warn("{} records of {} set aside in {}", setAside.size(), topic(), kafka.topics().indexDlq().name());
                return List.of(new SetAside(kafka.topics().indexDlq(), setAside));
            }
        };
    }

    private void read(ConsumerRecord<byte[], byte[]> record, List<IssueChange> changes, List<DeadLetters.Unreadable> unreadable) {
        if (record.value() == null) {
            if (record.key() != null) {
                changes.add(new IssueChange.Removal(new String(record.key(), StandardCharsets.UTF_8)));
            }
            return;
        }
        try {
            IssueState state = issues.deserialize(record.topic(), record.value());
            if (state.issueId() == null || state.issueId().isBlank()) {
                unreadable.add(new DeadLetters.Unreadable(record, "issue without issueId"));
            } else {
                changes.add(new IssueChange.Upsert(state));
            }
        } catch (RuntimeException e) {
            unreadable.add(new DeadLetters.Unreadable(record, String.valueOf(e.getMessage())));
        }
    }

    private List<BulkOperation> operations(List<IssueChange> changes) {
        List<BulkOperation> operations = new ArrayList<>(changes.size());
        for (IssueChange change : changes) {
            if (change instanceof IssueChange.Upsert upsert) {
                operations.add(BulkOperation.of(op -> op
                        .index(i -> i
                                .index(alias)
                                .id(upsert.key())
                                .version(upsert.state().version())
                                .versionType(VersionType.External)
                                .document(IssueDocument.of(upsert.state())))));
            } else {
                operations.add(BulkOperation.of(op -> op
                        .delete(d -> d
                                .index(alias)
                                .id(change.key()))));
            }
        }
        return operations;
    }
}
