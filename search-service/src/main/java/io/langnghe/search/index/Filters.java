package io.langnghe.search.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;

import java.time.Instant;
import java.util.List;

import static io.langnghe.search.index.CaseFields.CREATED_AT;

/** The filters every search of cases builds the same way: they narrow, they never score. */
public final class Filters {

    private Filters() {
    }

    /** Any of the values; nothing when the list is empty ("any"). */
    public static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    /** Received from {@code from} (inclusive) to {@code to} (exclusive); either may be null (open). */
    public static void receivedBetween(BoolQuery.Builder bool, Instant from, Instant to) {
        if (from == null && to == null) {
            return;
        }
        bool.filter(f -> f.range(r -> r.date(d -> {
            d.field(CREATED_AT);
            if (from != null) {
                d.gte(from.toString());
            }
            if (to != null) {
                d.lt(to.toString());
            }
            return d;
        })));
    }
}
