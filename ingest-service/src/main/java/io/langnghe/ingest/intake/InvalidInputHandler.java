package io.langnghe.ingest.intake;

import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 problem+json listing every bad field. */
@Singleton
public class InvalidInputHandler implements ExceptionHandler<InvalidInputException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidInputException exception) {
        return Problem.invalidInput(exception.errors()).toResponse();
    }
}
