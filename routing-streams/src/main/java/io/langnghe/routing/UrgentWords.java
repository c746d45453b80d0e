package io.langnghe.routing;

import io.langnghe.text.VietnameseText;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The phrases that make a petition urgent (fire, electrocution, collapse, poisoning, drowning, an
 * outage of a whole area, a burst main…), matched on whole syllables:
 * <pre>
 *   text with diacritics    → every phrase, with its diacritics ("cháy", not "chạy")
 *   text without diacritics → the phrases of two syllables or more, folded ("chay nha", "dien giat");
 *                             one folded syllable is too ambiguous ("chay" is also "chạy", to run)
 * </pre>
 */
public final class UrgentWords {

    private final List<String> accented;
    private final List<String> folded;

    public UrgentWords(List<String> phrases) {
        this.accented = phrases.stream().map(UrgentWords::syllables).filter(p -> !p.isEmpty()).distinct().toList();
        this.folded = phrases.stream().map(VietnameseText::foldForMatching).filter(p -> p.contains(" ")).distinct().toList();
    }

    /** The phrases of routing/deadlines.yml. */
    public static UrgentWords loadDefault() {
        return new UrgentWords(DeadlinesFile.loadDefault().urgent());
    }

    /** The first urgent phrase of the text, if any: shown in the case's history as the reason. */
    public Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        boolean withDiacritics = VietnameseText.hasDiacritics(text);
        String padded = " " + (withDiacritics ? syllables(text) : VietnameseText.foldForMatching(text)) + " ";
        return (withDiacritics ? accented : folded).stream().filter(phrase -> padded.contains(" " + phrase + " ")).findFirst();
    }

    /** Lower case NFC syllables, punctuation dropped, diacritics kept. */
    private static String syllables(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Arrays.stream(nfc.split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
