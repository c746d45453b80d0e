package io.langnghe.ingest;

import io.micronaut.runtime.Micronaut;

/** ingest-service: the front door for petitions; each one answered 202 only once Kafka holds it. */
public class IngestApplication {

    public static void main(String[] args) {
        // No banner: stdout carries one JSON log object per line and nothing else.
        Micronaut.build(args).mainClass(IngestApplication.class).banner(false).start();
    }
}
