package io.langnghe.ingest.intake;

import io.langnghe.ingest.problem.FieldError;

import java.util.List;

/** Bad input, field by field; answered 400 and never sent to Kafka. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(e -> e.field() + " " + e.code()).toList(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
