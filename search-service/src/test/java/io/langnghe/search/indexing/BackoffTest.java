package io.langnghe.search.indexing;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void pausesDoubleUpToTheCeilingAndStartAgainAfterASuccess() {
        TopicIndexer.Backoff backoff = new TopicIndexer.Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
    }
}
