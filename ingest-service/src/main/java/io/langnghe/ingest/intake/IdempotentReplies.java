package io.langnghe.ingest.intake;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Remembers the answer given for each {@code Idempotency-Key}, so that a client retrying after a lost
 * answer gets the first receipt instead of filing the petition twice. Concurrent retries wait for
 * the first attempt; a failed attempt is forgotten so the next retry tries again.
 *
 * <p>Bounded and in memory: it holds per instance and across one instance's lifetime only. Beyond
 * that, the feedback id is derived from the key and the petition (FeedbackIntake), so a retry that
 * reaches another instance, or this one after a restart, files the same case id, which routing-streams
 * opens once.
 */
@Singleton
public class IdempotentReplies {

    /** The first answer and a fingerprint of the petition it answered. */
    record Reply(String fingerprint, Receipt receipt) {
    }

    /** A receipt, and whether it was the first answer (false: a replay of an earlier one). */
    public record Outcome(Receipt receipt, boolean first) {
    }

    private final AsyncCache<String, Reply> replies;

    public IdempotentReplies(IntakeLimits limits) {
        this.replies = Caffeine.newBuilder()
                .expireAfterWrite(limits.idempotencyTtl())
                .maximumSize(limits.idempotencyMaxEntries())
                // Upkeep on the writing thread (amortised, a few entries at a time): on the common pool, every
                // remembered reply woke a pool thread, about a tenth of ingest-service's CPU at 500 petitions/s.
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The earlier receipt for this key when there is one for the same petition; otherwise runs
     * {@code intake} once and remembers its receipt.
     *
     * @throws IdempotencyConflictException when the key was used for a different petition
     */
    public Outcome once(String key, String fingerprint, Supplier<Receipt> intake) {
        CompletableFuture<Reply> mine = new CompletableFuture<>();
        CompletableFuture<Reply> earlier = replies.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            Reply reply = await(earlier);
            if (!reply.fingerprint().equals(fingerprint)) {
                throw new IdempotencyConflictException();
            }
            return new Outcome(reply.receipt(), false);
        }
        try {
            Receipt receipt = intake.get();
            mine.complete(new Reply(fingerprint, receipt));
            return new Outcome(receipt, true);
        } catch (RuntimeException | Error e) {
            replies.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * As {@link #once}, without waiting: completes with the earlier receipt, or with this attempt's once
     * {@code intake}'s future does; a failed attempt is forgotten.
     */
    public CompletableFuture<Outcome> onceAsync(String key, String fingerprint, Supplier<CompletableFuture<Receipt>> intake) {
        CompletableFuture<Reply> mine = new CompletableFuture<>();
        CompletableFuture<Reply> earlier = replies.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            return earlier.thenApply(reply -> {
                if (!reply.fingerprint().equals(fingerprint)) {
                    throw new IdempotencyConflictException();
                }
                return new Outcome(reply.receipt(), false);
            });
        }
        CompletableFuture<Receipt> attempt;
        try {
            attempt = intake.get();
        } catch (RuntimeException | Error e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.handle((receipt, e) -> {
            if (e != null) {
                replies.asMap().remove(key, mine);
                mine.completeExceptionally(e);
                throw e instanceof CompletionException completion ? completion : new CompletionException(e);
            }
            mine.complete(new Reply(fingerprint, receipt));
            return new Outcome(receipt, true);
        });
    }

    private static Reply await(CompletableFuture<Reply> earlier) {
        try {
            return earlier.join();
        } catch (CompletionException e) {
            // The first attempt failed (Kafka down): this retry fails the same way, the next one starts afresh.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IntakeUnavailableException("the first attempt with this Idempotency-Key was cancelled", e);
        }
    }
}
