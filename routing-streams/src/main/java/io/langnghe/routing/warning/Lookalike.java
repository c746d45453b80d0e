package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import io.langnghe.routing.StoreKeys;

import java.time.Instant;

/**
 * An open case as the look-alike index keeps it, under its area and the time it was received, so a
 * new report compares itself with the open cases of its own and the neighbouring areas from the
 * window only, however many cases the ward has kept.
 */
public record Lookalike(String caseId, Category category, Fingerprint fingerprint) {

    /** Zero-padded milliseconds, so that a range of keys is a range of time. */
    static String key(String area, Instant receivedAt, String caseId) {
        return from(area, receivedAt) + caseId;
    }

    static String from(String area, Instant at) {
        return area + "|" + StoreKeys.zeroPadded(Math.max(0, at.toEpochMilli()), 13) + "|";
    }

    /** Beyond every key of the area ('}' sorts after the digits and '|'). */
    static String end(String area) {
        return area + "|}";
    }
}
