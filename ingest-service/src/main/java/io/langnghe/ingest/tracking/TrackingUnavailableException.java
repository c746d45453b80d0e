package io.langnghe.ingest.tracking;

/** search-service could not tell a petition's status just now: answered 503 with Retry-After. */
public class TrackingUnavailableException extends RuntimeException {

    public TrackingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
