package io.langnghe.search.problem;

import io.langnghe.search.web.BodyLimits;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body past the server's own limit (an officer's photo upload), counted as it streams: the same 413 problem. */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {

    private final long serverLimit;

    public BodyTooLargeHandler(HttpServerConfiguration server) {
        this.serverLimit = server.getMaxRequestSize();
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException exception) {
        return BodyLimits.tooLarge(serverLimit);
    }
}
