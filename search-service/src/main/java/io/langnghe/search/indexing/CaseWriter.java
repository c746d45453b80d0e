package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.ElasticsearchSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes a batch of case changes with one {@code _bulk} request. Each state carries its case
 * version as an external version, so a replayed or late older state is refused by Elasticsearch
 * (409) and the newer one stays: for us that refusal is a success. An item refused for good
 * ({@link Refusal}) is handed back for the dead letters rather than retried, so it never blocks the cases
 * behind it; any other failure makes the whole batch be tried again.
 */
@Singleton
public class CaseWriter {

    private final ElasticsearchClient client;
    private final String alias;
    private final BulkOutcome outcome;
    private final Timer lag;

    public CaseWriter(ElasticsearchClient client, ElasticsearchSettings settings, MeterRegistry metrics) {
        this.client = client;
        this.alias = settings.casesIndex().alias();
        this.outcome = new BulkOutcome(metrics.counter("langnghe.search.cases.indexed"),
                metrics.counter("langnghe.search.cases.superseded"), metrics.counter("langnghe.search.cases.refused"));
        this.lag = Timer.builder("langnghe.search.indexing.lag")
                .description("From a case's updatedAt to Elasticsearch confirming its new state")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    /**
     * Returns once Elasticsearch confirmed every change or refused it for good (those are returned);
     * throws when any must be tried again.
     */
    List<Refusal> write(List<CaseChange> changes) throws IOException {
        if (changes.isEmpty()) {
            return List.of();
        }
        BulkResponse response = client.bulk(bulk(changes));
        Instant confirmedAt = Instant.now();
        return outcome.read(response, "cases", i -> recordLag(changes.get(i), confirmedAt));
    }

    private BulkRequest bulk(List<CaseChange> changes) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (CaseChange change : changes) {
            if (change instanceof CaseChange.Upsert upsert) {
                bulk.operations(op -> op
                        .index(i -> i
                                .index(alias)
                                .id(upsert.caseId())
                                .version(upsert.state().version())
                                .versionType(VersionType.External)
                                .document(CaseDocument.of(upsert.state()))));
            } else {
                bulk.operations(op -> op
                        .delete(d -> d
                                .index(alias)
                                .id(change.caseId())));
            }
        }
        return bulk.build();
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
