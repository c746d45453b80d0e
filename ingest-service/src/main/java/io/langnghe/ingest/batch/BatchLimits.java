package io.langnghe.ingest.batch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of one meeting batch.
 *
 * @param maxRows      petitions in one batch (the issue says 500)
 * @param maxBodyBytes largest JSON or CSV body: 500 rows of long Vietnamese text fit
 */
@ConfigurationProperties("langnghe.batch")
public record BatchLimits(
        @Bindable(defaultValue = "500") int maxRows,
        @Bindable(defaultValue = "4194304") int maxBodyBytes) {

    public static BatchLimits defaults() {
        return new BatchLimits(500, 4_194_304);
    }
}
