package io.langnghe.ingest.intake;

/** Kafka did not acknowledge the petition in time: answered 503 with Retry-After, never 202. */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
