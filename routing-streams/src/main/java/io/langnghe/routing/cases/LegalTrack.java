package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseType;
import io.langnghe.routing.YamlResource;
import io.langnghe.text.VietnameseText;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Flags the petitions that are complaints (khiếu nại) or denunciations (tố cáo), by the phrases of
 * {@code routing/legal.yml}, matched on whole syllables: a phrase written with diacritics matches a
 * text written with them, one written without matches a text typed without them (so "to cao" can be
 * listed only where it cannot be "tô cao", tall). A denunciation is looked for first.
 */
public final class LegalTrack {

    private static final String RESOURCE = "/routing/legal.yml";

    /** Why a text is on the legal track: the type and the phrase found. */
    public record Flag(CaseType type, String phrase) {
    }

    private final List<String> denunciation;
    private final List<String> complaint;

    public LegalTrack(List<String> denunciation, List<String> complaint) {
        this.denunciation = denunciation.stream().map(LegalTrack::syllables).filter(p -> !p.isEmpty()).toList();
        this.complaint = complaint.stream().map(LegalTrack::syllables).filter(p -> !p.isEmpty()).toList();
    }

    public static LegalTrack loadDefault() {
        File file = YamlResource.read(RESOURCE, File.class);
        return new LegalTrack(file.denunciation(), file.complaint());
    }

    public Optional<Flag> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String padded = " " + syllables(text) + " ";
        boolean withDiacritics = VietnameseText.hasDiacritics(text);
        Optional<String> denounced = first(denunciation, padded, withDiacritics);
        if (denounced.isPresent()) {
            return Optional.of(new Flag(CaseType.DENUNCIATION, denounced.get()));
        }
        return first(complaint, padded, withDiacritics).map(phrase -> new Flag(CaseType.COMPLAINT, phrase));
    }

    private static Optional<String> first(List<String> phrases, String padded, boolean withDiacritics) {
        return phrases.stream()
                .filter(phrase -> VietnameseText.hasDiacritics(phrase) == withDiacritics)
                .filter(phrase -> padded.contains(" " + phrase + " "))
                .findFirst();
    }

    /** Lower case NFC syllables, punctuation dropped, diacritics kept. */
    private static String syllables(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Arrays.stream(nfc.split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    record File(List<String> denunciation, List<String> complaint) {
        File {
            denunciation = denunciation == null ? List.of() : denunciation;
            complaint = complaint == null ? List.of() : complaint;
        }
    }
}
