package io.langnghe.search.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Within one bulk, only the last word on each document: an issue that grows by forty reports in a second
 * sends many versions of the same cases (and of the issue), and Elasticsearch need only write the newest
 * of each. A removal (tombstone) read after a state wins over it; a state never replaces a newer version
 * read before it.
 */
public final class NewestPerKey {

    private NewestPerKey() {
    }

    /** What one record of a compacted topic asks of its document. */
    public interface Change {

        /** The document's id: the record's key. */
        String key();

        /** The state's version (the index's external version); empty for a removal. */
        OptionalLong version();
    }

    public static <C extends Change> List<C> of(List<C> inTopicOrder) {
        Map<String, C> newest = new LinkedHashMap<>();
        for (C change : inTopicOrder) {
            newest.merge(change.key(), change, NewestPerKey::later);
        }
        return new ArrayList<>(newest.values());
    }

    private static <C extends Change> C later(C earlier, C next) {
        OptionalLong before = earlier.version();
        OptionalLong after = next.version();
        if (before.isPresent() && after.isPresent() && before.getAsLong() > after.getAsLong()) {
            return earlier;
        }
        return next;
    }
}
