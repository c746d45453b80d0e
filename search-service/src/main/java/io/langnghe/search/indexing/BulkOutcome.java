package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * How an indexer reads Elasticsearch's answer to one bulk, item by item: written, superseded (a newer
 * version is already there), refused for good (to the dead letters), or failed for now (the whole bulk
 * is tried again). One reading for every index that takes external versions.
 */
public record BulkOutcome(Counter indexed, Counter superseded, Counter refused) {

    private static final int VERSION_CONFLICT = 409;

    /**
     * @param answers    Elasticsearch's answers to one index's operations of a bulk, in their order
     * @param what       the documents, in the error message ("cases", "issues")
     * @param onIndexed  told the position of each item written
     * @return the items refused for good; throws when any must be tried again
     */
    public List<Refusal> read(List<BulkResponseItem> answers, String what, IntConsumer onIndexed) {
        List<String> failures = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            BulkResponseItem item = answers.get(i);
            if (item.error() == null) {
                indexed.increment();
                onIndexed.accept(i);
            } else if (item.status() == VERSION_CONFLICT) {
                superseded.increment();
            } else if (Refusal.forGood(item.status(), item.error().type())) {
                refusals.add(new Refusal(item.id(), item.status() + " " + item.error().type() + ": " + item.error().reason()));
            } else {
                failures.add(item.id() + " (" + item.status() + " " + item.error().type() + ": " + item.error().reason() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new IndexingFailedException("Elasticsearch refused " + failures.size() + " of " + answers.size()
                    + " " + what + ": " + String.join("; ", failures));
        }
        refused.increment(refusals.size());
        return refusals;
    }
}
