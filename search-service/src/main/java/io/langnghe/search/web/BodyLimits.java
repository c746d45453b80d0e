package io.langnghe.search.web;

import io.langnghe.search.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Each route's body limit before the body is buffered: an officer's photo the server's
 * (micronaut.server.max-request-size, which Micronaut counts as the body streams), every other body,
 * JSON (login, actions, ratings, acknowledgements, erasures), {@code langnghe.max-json-body-bytes}
 * (64 KiB). A declared length is judged before a byte is read. A chunked body is counted on a copy of
 * its stream as it arrives and refused as soon as it passes the limit, so no more than the limit is ever
 * held: these routes bind typed bodies (the security module's /login among them), which the framework
 * would otherwise buffer up to the server's limit. Too large: 413 problem+json in both languages.
 */
@ServerFilter("/**")
public class BodyLimits implements Ordered {

    private final long jsonLimit;

    public BodyLimits(@Value("${langnghe.max-json-body-bytes:65536}") long jsonLimit) {
        this.jsonLimit = jsonLimit;
    }

    /** Before security and everything else: an oversized body is refused whoever sends it. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    /** Empty lets the request through, once a chunked body has all arrived within the limit; else the 413. */
    @RequestFilter
    public CompletableFuture<Optional<HttpResponse<?>>> limit(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        boolean multipart = request.getContentType().map(type -> type.getName().equals(MediaType.MULTIPART_FORM_DATA)).orElse(false);
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || multipart
                || !(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ByteBody body = server.byteBody();
        OptionalLong declared = body.expectedLength();
        if (declared.isPresent()) {
            return CompletableFuture.completedFuture(declared.getAsLong() > jsonLimit ? Optional.of(tooLarge(jsonLimit)) : Optional.empty());
        }
        return counted(body, jsonLimit);
    }

    /**
     * Reads a copy of the body, counting; the route's own copy keeps what arrived (at most the limit) until
     * the route reads it.
     */
    private static CompletableFuture<Optional<HttpResponse<?>>> counted(ByteBody body, long limit) {
        CompletableFuture<Optional<HttpResponse<?>>> verdict = new CompletableFuture<>();
        body.split(ByteBody.SplitBackpressureMode.FASTEST).toByteArrayPublisher().subscribe(new Subscriber<>() {
            private Subscription subscription;
            private long seen;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(byte[] bytes) {
                seen += bytes.length;
                if (seen > limit && !verdict.isDone()) {
                    subscription.cancel();
                    verdict.complete(Optional.of(tooLarge(limit)));
                }
            }

            @Override
            public void onError(Throwable t) {
                // a broken or server-refused body is the route's to answer, as without this filter
                verdict.complete(Optional.empty());
            }

            @Override
            public void onComplete() {
                verdict.complete(Optional.empty());
            }
        });
        return verdict;
    }

    /** The 413 of a body past the server's own limit too (see {@link io.langnghe.search.problem.BodyTooLargeHandler}). */
    public static HttpResponse<Problem> tooLarge(long limit) {
        String size = limit >= 1024 * 1024 ? (limit / (1024 * 1024)) + " MiB" : (limit / 1024) + " KiB";
        return new Problem("urn:langnghe:problem:body-too-large", "Nội dung quá lớn / Body too large",
                HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode(),
                "Nội dung gửi lên vượt quá " + size + ". / The body is larger than " + size + ".", List.of())
                .toResponse();
    }
}
