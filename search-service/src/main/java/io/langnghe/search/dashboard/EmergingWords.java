package io.langnghe.search.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Words (folded, without diacritics) that the petitions of the last days use far more than the
 * months before them: a new problem often shows here before anyone files it under a category.
 */
public record EmergingWords(Instant from, Instant to, Instant backgroundFrom, @JsonInclude(JsonInclude.Include.ALWAYS) List<Word> words) {

    /** @param count petitions of the recent days with the word; backgroundCount, of the whole background */
    public record Word(String word, long count, long backgroundCount, double score) {
    }
}
