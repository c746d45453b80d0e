package io.langnghe.ingest.web;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;

import java.io.IOException;
import java.io.InputStream;

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
