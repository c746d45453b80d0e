package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.ElasticsearchSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch of case changes into operations of one {@code _bulk} request. Each state carries its case
 * version as an external version, so a replayed or late older state is refused by Elasticsearch
 * (409) and the newer one stays: for us that refusal is a success. An item refused for good
 * ({@link Refusal}) is handed back for the dead letters rather than retried, so it never blocks the cases
 * behind it; any other failure makes the whole batch be tried again.
 */
@Singleton
public class CaseWriter {

    private final String alias;
    private final BulkOutcome outcome;
    private final Timer lag;

    public CaseWriter(ElasticsearchSettings settings, MeterRegistry metrics) {
        this.alias = settings.casesIndex().alias();
        this.outcome = new BulkOutcome(metrics.counter("langnghe.search.cases.indexed"),
                metrics.counter("langnghe.search.cases.superseded"), metrics.counter("langnghe.search.cases.refused"));
        this.lag = Timer.builder("langnghe.search.indexing.lag")
                .description("From a case's updatedAt to Elasticsearch confirming its new state")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    /**
     * Reads Elasticsearch's answers to {@link #operations}: returns the changes refused for good;
     * throws when any must be tried again.
     */
    List<Refusal> settle(List<CaseChange> changes, List<BulkResponseItem> answers) {
        Instant confirmedAt = Instant.now();
        return outcome.read(answers, "cases", i -> recordLag(changes.get(i), confirmedAt));
    }

    /** One operation per change, in the same order. */
    List<BulkOperation> operations(List<CaseChange> changes) {
        List<BulkOperation> operations = new ArrayList<>(changes.size());
        for (CaseChange change : changes) {
            if (change instanceof CaseChange.Upsert upsert) {
                operations.add(BulkOperation.of(op -> op
                        .index(i -> i
                                .index(alias)
                                .id(upsert.caseId())
                                .version(upsert.state().version())
                                .versionType(VersionType.External)
                                .document(CaseDocument.of(upsert.state())))));
            } else {
                operations.add(BulkOperation.of(op -> op
                        .delete(d -> d
                                .index(alias)
                                .id(change.caseId()))));
            }
        }
        return operations;
    }

    private void recordLag(CaseChange change, Instant confirmedAt) {
        if (change instanceof CaseChange.Upsert upsert && upsert.state().updatedAt() != null) {
            Duration behind = Duration.between(upsert.state().updatedAt(), confirmedAt);
            if (!behind.isNegative()) {
                lag.record(behind);
            }
        }
    }
}
