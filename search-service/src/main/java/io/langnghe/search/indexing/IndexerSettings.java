package io.langnghe.search.indexing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the indexer reads {@code cases.v1} and how patiently it retries when Elasticsearch fails.
 *
 * @param firstRetryDelay wait after the first failure; doubled after each further one
 * @param maxRetryDelay   the longest wait; stays well under Kafka's max.poll.interval.ms
 * @param maxBulkRecords  a bulk is written once it holds this many records...
 * @param maxBulkDelay    ...or once its oldest record waited this long: well under the second a case may take to be searchable
 */
@ConfigurationProperties("langnghe.indexer")
public record IndexerSettings(
        @Bindable(defaultValue = "500ms") Duration pollTimeout,
        @Bindable(defaultValue = "500") int maxPollRecords,
        @Bindable(defaultValue = "200ms") Duration firstRetryDelay,
        @Bindable(defaultValue = "30s") Duration maxRetryDelay,
        @Bindable(defaultValue = "2000") int maxBulkRecords,
        @Bindable(defaultValue = "100ms") Duration maxBulkDelay) {
}
