package io.langnghe.contracts.taxonomy;

/** A public page the ward's geography was taken from, and what it confirms. */
public record Source(String id, String url, String says) {
}
