package io.langnghe.contracts;

import java.time.Instant;

/**
 * A labelled example made by an officer: a petition's text with the category it really belongs to,
 * when a reassignment showed the classifier was wrong. Value of {@code classifier.corrections.v1},
 * keyed by {@code caseId}; the classifier learns from it without a redeploy.
 *
 * A place an officer confirmed is one too: the words of the petition that name it, and the area, which the
 * place resolver learns.
 *
 * @param from       the category the classifier had given
 * @param area       for a confirmed place: the area, otherwise null (and category is null when only the place was confirmed)
 * @param placeWords for a confirmed place: the words that name it, otherwise null
 */
public record Correction(
        int schemaVersion,
        String caseId,
        String text,
        Category category,
        Category from,
        String actor,
        Instant at,
        String area,
        String placeWords) {

    public static final int SCHEMA_VERSION = 1;

    /** A category corrected, no place. */
    public Correction(int schemaVersion, String caseId, String text, Category category, Category from, String actor, Instant at) {
        this(schemaVersion, caseId, text, category, from, actor, at, null, null);
    }

    /** A place confirmed: these words name this area. */
    public static Correction place(String caseId, String text, String area, String placeWords, String actor, Instant at) {
        return new Correction(SCHEMA_VERSION, caseId, text, null, null, actor, at, area, placeWords);
    }
}
