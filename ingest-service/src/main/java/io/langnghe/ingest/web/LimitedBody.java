package io.langnghe.ingest.web;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;

import io.micronaut.http.body.ByteBody;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a request body as it streams in, counting: a body without a declared length (chunked) is
 * refused with 413 as soon as it passes the route's limit, so no more than the limit is ever held,
 * however much a client sends. {@link BodyLimits} refuses a declared length before the first byte.
 */
public final class LimitedBody {

    private LimitedBody() {
    }

    /** The whole body, or {@link TooLarge} once it has more than {@code limit} bytes; an empty array for none. */
    public static byte[] read(InputStream body, long limit) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new TooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(new FieldError("body", "unreadable",
                    "Không đọc được nội dung gửi lên.", "The body could not be read."));
        }
    }

    /**
     * The whole body without blocking the thread that asks (an event loop): completes with the bytes, or
     * with {@link TooLarge} as soon as more than {@code limit} bytes have arrived.
     */
    public static CompletableFuture<byte[]> read(ByteBody body, long limit) {
        if (body.expectedLength().isPresent() && body.expectedLength().getAsLong() <= limit) {
            // a declared length within the limit (BodyLimits refused any other): one buffer, as it is
            return body.buffer().thenApply(whole -> {
                try (whole) {
                    return whole.toByteArray();
                }
            });
        }
        Counting counting = new Counting(limit);
        body.toByteArrayPublisher().subscribe(counting);
        return counting.whole;
    }

    /** Collects the chunks of a body without a declared length, and stops taking them past the limit. */
    private static final class Counting implements Subscriber<byte[]> {
        private final long limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> whole = new CompletableFuture<>();
        private Subscription subscription;

        Counting(long limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(byte[] chunk) {
            if (whole.isDone()) {
                return;
            }
            if (bytes.size() + (long) chunk.length > limit) {
                subscription.cancel();
                whole.completeExceptionally(new TooLarge(limit));
                return;
            }
            bytes.writeBytes(chunk);
        }

        @Override
        public void onError(Throwable e) {
            whole.completeExceptionally(new InvalidInputException(new FieldError("body", "unreadable",
                    "Không đọc được nội dung gửi lên.", "The body could not be read.")));
        }

        @Override
        public void onComplete() {
            whole.complete(bytes.toByteArray());
        }
    }

    /** The body passed the route's limit while streaming: answered 413 by {@link TooLargeHandler}. */
    public static final class TooLarge extends RuntimeException {
        private final long limit;

        TooLarge(long limit) {
            super("body larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
