package io.langnghe.contracts;

import java.time.Instant;

/**
 * A labelled example made by an officer: a petition's text with the category it really belongs to,
 * when a reassignment showed the classifier was wrong. Value of {@code classifier.corrections.v1},
 * keyed by {@code caseId}; the classifier learns from it without a redeploy.
 *
 * @param from the category the classifier had given
 */
public record Correction(
        int schemaVersion,
        String caseId,
        String text,
        Category category,
        Category from,
        String actor,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;
}
