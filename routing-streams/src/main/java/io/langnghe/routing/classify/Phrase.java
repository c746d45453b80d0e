package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;

import java.util.List;

/**
 * A keyword or phrase of the lexicon as written in the taxonomy, and the category it points to
 * (null for a neutral phrase such as "yêu cầu", which only keeps "cầu" from being read as a bridge).
 */
record Phrase(String written, List<Syllable> syllables, Category category) {

    static Phrase of(String written, Category category) {
        List<Syllable> syllables = Syllable.of(written);
        if (syllables.isEmpty()) {
            throw new IllegalArgumentException("a keyword of " + category + " has no letters: '" + written + "'");
        }
        return new Phrase(written.strip(), syllables, category);
    }

    int length() {
        return syllables.size();
    }

    boolean isNeutral() {
        return category == null;
    }

    boolean matchesAt(List<Syllable> text, int start) {
        if (start + syllables.size() > text.size()) {
            return false;
        }
        for (int i = 0; i < syllables.size(); i++) {
            if (!syllables.get(i).matches(text.get(start + i))) {
                return false;
            }
        }
        return true;
    }
}
