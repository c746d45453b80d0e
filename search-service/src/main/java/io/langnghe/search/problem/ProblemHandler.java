package io.langnghe.search.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a {@link ProblemException} as problem+json; asks to retry later when search is down. */
@Produces
@Singleton
public class ProblemHandler implements ExceptionHandler<ProblemException, MutableHttpResponse<Problem>> {

    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        MutableHttpResponse<Problem> response = exception.problem().toResponse();
        if (exception.problem().status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        if (exception.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds()));
        }
        return response;
    }
}
