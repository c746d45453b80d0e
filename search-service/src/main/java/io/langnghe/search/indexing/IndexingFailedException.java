package io.langnghe.search.indexing;

/** Elasticsearch did not confirm every change of a batch; the batch is retried, never committed. */
class IndexingFailedException extends RuntimeException {
    IndexingFailedException(String message) {
        super(message);
    }
}
