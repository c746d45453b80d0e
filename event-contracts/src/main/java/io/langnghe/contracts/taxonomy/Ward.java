package io.langnghe.contracts.taxonomy;

/** The ward the taxonomy describes. */
public record Ward(String code, String vi, String en) {
}
