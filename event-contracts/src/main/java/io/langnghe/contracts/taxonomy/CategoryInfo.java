package io.langnghe.contracts.taxonomy;

import io.langnghe.contracts.Category;

import java.util.List;

/** A category's names in Vietnamese and English, and the words that point to it. */
public record CategoryInfo(Category code, String vi, String en, List<String> keywords) {
    public CategoryInfo {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
