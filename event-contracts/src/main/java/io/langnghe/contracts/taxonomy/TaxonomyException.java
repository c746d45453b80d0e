package io.langnghe.contracts.taxonomy;

/** The taxonomy files contradict themselves or the fixed codes; the message says where. */
public class TaxonomyException extends RuntimeException {
    public TaxonomyException(String message) {
        super(message);
    }
}
