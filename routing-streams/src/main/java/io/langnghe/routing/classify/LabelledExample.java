package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;

/** A petition with the category a person gave it: a line of the corpus, or an officer's correction. */
public record LabelledExample(String text, Category category) {
}
