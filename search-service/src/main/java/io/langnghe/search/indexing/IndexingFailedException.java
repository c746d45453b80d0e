package io.langnghe.search.indexing;

/** Elasticsearch did not confirm every change of a batch; the batch is retried, never committed. */
public class IndexingFailedException extends RuntimeException {
    public IndexingFailedException(String message) {
        super(message);
    }
}
