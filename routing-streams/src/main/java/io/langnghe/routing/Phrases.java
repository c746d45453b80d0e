package io.langnghe.routing;

import io.langnghe.text.VietnameseText;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A list of Vietnamese phrases matched on whole syllables:
 * <pre>
 *   text with diacritics    → every phrase, with its diacritics ("cháy", not "chạy")
 *   text without diacritics → the phrases of two syllables or more, folded ("chay nha", "dien giat");
 *                             one folded syllable is too ambiguous ("chay" is also "chạy", to run)
 * </pre>
 */
public final class Phrases {

    // each " phrase ", with the spaces that make it whole syllables, made once here rather than per text
    private final List<String> accented;
    private final List<String> folded;
    private final List<String> exceptAccented;
    private final List<String> exceptFolded;

    public Phrases(List<String> phrases) {
        this(phrases, List.of());
    }

    /** @param except phrases that contain one of the phrases but do not mean it: they are skipped */
    public Phrases(List<String> phrases, List<String> except) {
        this.accented = spaced(phrases.stream().map(MatchableText::syllables).filter(p -> !p.isEmpty()).distinct());
        this.folded = spaced(phrases.stream().map(VietnameseText::foldForMatching).filter(p -> p.contains(" ")).distinct());
        this.exceptAccented = spaced(except.stream().map(MatchableText::syllables).filter(p -> !p.isEmpty()).distinct());
        this.exceptFolded = spaced(except.stream().map(VietnameseText::foldForMatching).filter(p -> !p.isEmpty()).distinct());
    }

    /** The first phrase found in the text, as listed. */
    public Optional<String> find(String text) {
        return find(MatchableText.of(text));
    }

    /** The first phrase found in the text, as listed: the text read once for every list that looks in it. */
    public Optional<String> find(MatchableText text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String padded = padded(text);
        List<String> phrases = text.withDiacritics() ? accented : folded;
        for (String phrase : phrases) {
            if (padded.contains(phrase)) {
                return Optional.of(phrase.substring(1, phrase.length() - 1));
            }
        }
        return Optional.empty();
    }

    /** Every phrase found in the text, in the order of the list. */
    public List<String> findAll(String text) {
        MatchableText matchable = MatchableText.of(text);
        if (matchable.isBlank()) {
            return List.of();
        }
        String padded = padded(matchable);
        return (matchable.withDiacritics() ? accented : folded).stream().filter(padded::contains)
                .map(phrase -> phrase.substring(1, phrase.length() - 1)).toList();
    }

    /** The text's syllables in the form its phrases are compared in, the exceptions blanked out. */
    private String padded(MatchableText text) {
        boolean withDiacritics = text.withDiacritics();
        return withoutExceptions(withDiacritics ? text.accented() : text.folded(), withDiacritics ? exceptAccented : exceptFolded);
    }

    private static String withoutExceptions(String padded, List<String> exceptions) {
        String left = padded;
        for (String except : exceptions) {
            left = left.replace(except, " | ");
        }
        return left;
    }

    /** " phrase ": whole syllables only, the spaces matched with it. */
    private static List<String> spaced(Stream<String> phrases) {
        return phrases.map(phrase -> " " + phrase + " ").toList();
    }
}
