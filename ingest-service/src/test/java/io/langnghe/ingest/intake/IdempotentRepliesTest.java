package io.langnghe.ingest.intake;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentRepliesTest {

    private final IdempotentReplies replies = new IdempotentReplies(IntakeLimits.defaults());
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void answersARetryWithTheFirstReceiptWithoutSendingAgain() {
        IdempotentReplies.Outcome first = replies.once("key-1", "petition-a", this::send);
        IdempotentReplies.Outcome retry = replies.once("key-1", "petition-a", this::send);

        assertThat(first.first()).isTrue();
        assertThat(retry.first()).isFalse();
        assertThat(retry.receipt()).isEqualTo(first.receipt());
        assertThat(sent).hasValue(1);
    }

    @Test
    void forgetsAFailedAttemptSoTheNextRetryTriesAgain() {
        assertThatThrownBy(() -> replies.once("key-2", "petition-a", () -> {
            throw new IntakeUnavailableException("Kafka down", null);
        })).isInstanceOf(IntakeUnavailableException.class);

        IdempotentReplies.Outcome retry = replies.once("key-2", "petition-a", this::send);

        assertThat(retry.first()).isTrue();
        assertThat(sent).hasValue(1);
    }

    @Test
    void refusesAKeyReusedForAnotherPetition() {
        replies.once("key-3", "petition-a", this::send);

        assertThatThrownBy(() -> replies.once("key-3", "petition-b", this::send))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(sent).hasValue(1);
    }

    private Receipt send() {
        return Receipt.received("feedback-" + sent.incrementAndGet(), "K7MX-Q2PA-9C", Instant.now());
    }
}
