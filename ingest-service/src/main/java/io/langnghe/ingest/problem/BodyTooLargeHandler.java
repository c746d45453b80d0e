package io.langnghe.ingest.problem;

import io.langnghe.ingest.web.BodyLimits;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A body larger than the server takes at all (micronaut.server.max-request-size, the limit of a
 * petition with photos), counted by the server as it streams in: the same 413 problem+json as any
 * route's own limit, in both languages, not the framework's bare answer.
 */
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
