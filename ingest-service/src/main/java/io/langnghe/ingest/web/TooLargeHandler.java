package io.langnghe.ingest.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A streamed body over its route's limit: the same 413 problem+json as a declared one. */
@Singleton
public class TooLargeHandler implements ExceptionHandler<LimitedBody.TooLarge, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, LimitedBody.TooLarge exception) {
        return BodyLimits.tooLarge(exception.limit());
    }
}
