package io.langnghe.search.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Within one bulk, only the last word on each case: an issue that grows by forty reports in a second
 * sends many versions of the same cases, and Elasticsearch need only write the newest of each. A
 * removal (tombstone) read after a state wins over it; an upsert never replaces a newer version read before it.
 */
final class NewestPerCase {

    private NewestPerCase() {
    }

    static List<CaseChange> of(List<CaseChange> inTopicOrder) {
        Map<String, CaseChange> newest = new LinkedHashMap<>();
        for (CaseChange change : inTopicOrder) {
            newest.merge(change.caseId(), change, NewestPerCase::later);
        }
        return new ArrayList<>(newest.values());
    }

    private static CaseChange later(CaseChange earlier, CaseChange next) {
        if (earlier instanceof CaseChange.Upsert before && next instanceof CaseChange.Upsert after
                && before.state().version() > after.state().version()) {
            return earlier;
        }
        return next;
    }
}
