package io.langnghe.search.indexing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalTest {

    @ParameterizedTest(name = "{0} {1}: for good={2}")
    @CsvSource({
            // status, Elasticsearch's error type,        refused for good
            "400,      document_parsing_exception,        true",
            "400,      illegal_argument_exception,        true",
            "400,      index_closed_exception,            false",   // reopened, it takes the case
            "403,      cluster_block_exception,           false",   // read-only at the disk's flood stage
            "429,      cluster_block_exception,           false",
            "429,      es_rejected_execution_exception,   false",
            "404,      index_not_found_exception,         false",
            "409,      version_conflict_engine_exception, false",   // a newer state is there: no failure
            "500,      exception,                         false",
            "503,      unavailable_shards_exception,      false",
    })
    void onlyAnAnswerNoRetryCanChangeIsForGood(int status, String type, boolean forGood) {
        assertThat(Refusal.forGood(status, type)).isEqualTo(forGood);
    }
}
