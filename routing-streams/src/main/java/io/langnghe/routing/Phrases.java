package io.langnghe.routing;

import io.langnghe.text.VietnameseText;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A list of Vietnamese phrases matched on whole syllables:
 * <pre>
 *   text with diacritics    → every phrase, with its diacritics ("cháy", not "chạy")
 *   text without diacritics → the phrases of two syllables or more, folded ("chay nha", "dien giat");
 *                             one folded syllable is too ambiguous ("chay" is also "chạy", to run)
 * </pre>
 */
public final class Phrases {

    private final List<String> accented;
    private final List<String> folded;
    private final List<String> exceptAccented;
    private final List<String> exceptFolded;

    public Phrases(List<String> phrases) {
        this(phrases, List.of());
    }

    /** @param except phrases that contain one of the phrases but do not mean it: they are skipped */
    public Phrases(List<String> phrases, List<String> except) {
        this.accented = phrases.stream().map(Phrases::syllables).filter(p -> !p.isEmpty()).distinct().toList();
        this.folded = phrases.stream().map(VietnameseText::foldForMatching).filter(p -> p.contains(" ")).distinct().toList();
        this.exceptAccented = except.stream().map(Phrases::syllables).filter(p -> !p.isEmpty()).distinct().toList();
        this.exceptFolded = except.stream().map(VietnameseText::foldForMatching).filter(p -> !p.isEmpty()).distinct().toList();
    }

    /** The first phrase found in the text, as listed. */
    public Optional<String> find(String text) {
        return findAll(text).stream().findFirst();
    }

    /** Every phrase found in the text, in the order of the list. */
    public List<String> findAll(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        boolean withDiacritics = VietnameseText.hasDiacritics(text);
        String padded = withoutExceptions(" " + (withDiacritics ? syllables(text) : VietnameseText.foldForMatching(text)) + " ",
                withDiacritics ? exceptAccented : exceptFolded);
        return (withDiacritics ? accented : folded).stream().filter(phrase -> padded.contains(" " + phrase + " ")).toList();
    }

    private static String withoutExceptions(String padded, List<String> exceptions) {
        String left = padded;
        for (String except : exceptions) {
            left = left.replace(" " + except + " ", " | ");
        }
        return left;
    }

    /** Lower case NFC syllables, punctuation dropped, diacritics kept. */
    private static String syllables(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Arrays.stream(nfc.split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
