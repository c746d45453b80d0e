package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.CategoryInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases that point to a category (the taxonomy's keywords) and the neutral ones, indexed by
 * their first folded syllable. Reading a text takes, at each position, the longest phrase that
 * matches, so "cống thoát nước" counts once as a three-syllable phrase, not as three keywords.
 */
final class Lexicon {

    private final Map<String, List<Phrase>> byFirstSyllable = new HashMap<>();

    Lexicon(Taxonomy taxonomy, List<String> neutralPhrases) {
        for (CategoryInfo category : taxonomy.categories()) {
            category.keywords().forEach(keyword -> add(Phrase.of(keyword, category.code())));
        }
        neutralPhrases.forEach(neutral -> add(Phrase.of(neutral, null)));
        byFirstSyllable.values().forEach(phrases -> phrases.sort(Comparator.comparingInt(Phrase::length).reversed()));
    }

    /** The phrases found in the text, in reading order, neutral ones left out. */
    List<Phrase> find(List<Syllable> text) {
        List<Phrase> found = new ArrayList<>();
        int position = 0;
        while (position < text.size()) {
            Phrase longest = longestAt(text, position);
            if (longest == null) {
                position++;
                continue;
            }
            if (!longest.isNeutral()) {
                found.add(longest);
            }
            position += longest.length();
        }
        return found;
    }

    boolean knows(Category category, String foldedPhrase) {
        return byFirstSyllable.values().stream().flatMap(List::stream)
                .anyMatch(p -> p.category() == category && folded(p).equals(foldedPhrase));
    }

    private Phrase longestAt(List<Syllable> text, int position) {
        for (Phrase phrase : byFirstSyllable.getOrDefault(text.get(position).folded(), List.of())) {
            if (phrase.matchesAt(text, position)) {
                return phrase;
            }
        }
        return null;
    }

    private void add(Phrase phrase) {
        byFirstSyllable.computeIfAbsent(phrase.syllables().get(0).folded(), first -> new ArrayList<>()).add(phrase);
    }

    static String folded(Phrase phrase) {
        return String.join(" ", phrase.syllables().stream().map(Syllable::folded).toList());
    }
}
