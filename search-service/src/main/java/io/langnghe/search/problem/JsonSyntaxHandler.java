package io.langnghe.search.problem;

import io.micronaut.json.JsonSyntaxException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import jakarta.inject.Singleton;

/** Malformed JSON is a 400 problem in both languages rather than Micronaut's own error shape. */
@Produces
@Singleton
@Replaces(JsonExceptionHandler.class)
public class JsonSyntaxHandler implements ExceptionHandler<JsonSyntaxException, MutableHttpResponse<Problem>> {

    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, JsonSyntaxException exception) {
        return Problem.unreadableBody().toResponse();
    }
}
