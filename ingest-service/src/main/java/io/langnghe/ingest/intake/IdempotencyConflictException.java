package io.langnghe.ingest.intake;

/** The same Idempotency-Key came back with a different petition: answered 422, nothing is sent. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("Idempotency-Key reused for a different petition", null, false, false);
    }
}
