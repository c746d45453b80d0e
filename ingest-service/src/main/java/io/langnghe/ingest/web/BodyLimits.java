package io.langnghe.ingest.web;

import io.langnghe.ingest.batch.BatchLimits;
import io.langnghe.ingest.intake.IntakeLimits;
import io.langnghe.ingest.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Each route's body limit, applied to the declared Content-Length before a byte of the body is read
 * (Micronaut's max-request-size is one number for the whole server, the largest: a petition with
 * photos): a meeting's batch its {@link BatchLimits#maxBodyBytes()}, a multipart petition the
 * server's limit (3 photos of 5 MB), every other body {@link IntakeLimits#maxBodyBytes()} (64 KiB).
 * Too large: 413 problem+json in both languages.
 */
@ServerFilter("/**")
public class BodyLimits implements Ordered {

    private final IntakeLimits intake;
    private final BatchLimits batch;

    public BodyLimits(IntakeLimits intake, BatchLimits batch) {
        this.intake = intake;
        this.batch = batch;
    }

    /** Before security and everything else: an oversized body is refused whoever sends it. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    /** null lets the request through; else the 413. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            return null;
        }
        long declared = request.getHeaders().contentLength().orElse(-1);
        long limit = limitOf(request);
        if (limit > 0 && declared > limit) {
            return tooLarge(limit);
        }
        return null;
    }

    /** The route's limit in bytes, or 0 for "the server's own" (multipart). */
    private long limitOf(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/batches")) {
            return batch.maxBodyBytes();
        }
        boolean multipart = request.getContentType().map(type -> type.getName().equals(MediaType.MULTIPART_FORM_DATA)).orElse(false);
        return multipart ? 0 : intake.maxBodyBytes();
    }

    public static HttpResponse<Problem> tooLarge(long limit) {
        String size = limit >= 1024 * 1024 ? (limit / (1024 * 1024)) + " MiB" : (limit / 1024) + " KiB";
        return Problem.of("body-too-large", "Nội dung quá lớn / Body too large", HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                        "Nội dung gửi lên vượt quá " + size + ". / The body is larger than " + size + ".")
                .toResponse();
    }
}
