package io.langnghe.ingest.open311;

import io.micronaut.http.HttpStatus;

/** An error as GeoReport v2 answers it: HTTP status, and a list of {code, description}. */
public class Open311Error extends RuntimeException {

    private final HttpStatus status;

    public Open311Error(HttpStatus status, String vi, String en) {
        super(vi + " / " + en, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
