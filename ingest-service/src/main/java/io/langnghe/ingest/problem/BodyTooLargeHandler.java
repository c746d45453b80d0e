package io.langnghe.ingest.problem;

import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.IntakeLimits;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A body larger than the server takes at all (micronaut.server.max-request-size) is bad input like
 * any other: 400 naming the body, as the issue asks, not the framework's 413.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {

    private final IntakeLimits limits;

    public BodyTooLargeHandler(IntakeLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException exception) {
        return Problem.invalidInput(List.of(FeedbackForm.bodyTooLarge(limits.maxBodyBytes()))).toResponse();
    }
}
