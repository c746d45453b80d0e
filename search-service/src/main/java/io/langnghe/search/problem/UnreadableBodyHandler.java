package io.langnghe.search.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body that is not the JSON asked for is a 400 problem in both languages, like any bad input. */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
public class UnreadableBodyHandler implements ExceptionHandler<ConversionErrorException, MutableHttpResponse<Problem>> {

    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
        return Problem.unreadableBody().toResponse();
    }
}
