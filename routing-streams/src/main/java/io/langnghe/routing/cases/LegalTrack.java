package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseType;
import io.langnghe.routing.MatchableText;
import io.langnghe.routing.YamlResource;
import io.langnghe.text.VietnameseText;

import java.util.List;
import java.util.Optional;

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

    /** A phrase of the file as matched: its syllables between spaces, and whether it was written with diacritics. */
    private record Listed(String phrase, String spaced, boolean withDiacritics) {
        static Listed of(String syllables) {
            return new Listed(syllables, " " + syllables + " ", VietnameseText.hasDiacritics(syllables));
        }
    }

    private final List<Listed> denunciation;
    private final List<Listed> complaint;

    public LegalTrack(List<String> denunciation, List<String> complaint) {
        this.denunciation = denunciation.stream().map(MatchableText::syllables).filter(p -> !p.isEmpty()).map(Listed::of).toList();
        this.complaint = complaint.stream().map(MatchableText::syllables).filter(p -> !p.isEmpty()).map(Listed::of).toList();
    }

    public static LegalTrack loadDefault() {
        File file = YamlResource.read(RESOURCE, File.class);
        return new LegalTrack(file.denunciation(), file.complaint());
    }

    public Optional<Flag> find(String text) {
        return find(MatchableText.of(text));
    }

    /** As {@link #find(String)}, on a text already made ready for matching. */
    public Optional<Flag> find(MatchableText text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String padded = text.accented();
        boolean withDiacritics = text.withDiacritics();
        Optional<String> denounced = first(denunciation, padded, withDiacritics);
        if (denounced.isPresent()) {
            return Optional.of(new Flag(CaseType.DENUNCIATION, denounced.get()));
        }
        return first(complaint, padded, withDiacritics).map(phrase -> new Flag(CaseType.COMPLAINT, phrase));
    }

    private static Optional<String> first(List<Listed> phrases, String padded, boolean withDiacritics) {
        for (Listed listed : phrases) {
            if (listed.withDiacritics() == withDiacritics && padded.contains(listed.spaced())) {
                return Optional.of(listed.phrase());
            }
        }
        return Optional.empty();
    }

    record File(List<String> denunciation, List<String> complaint) {
        File {
            denunciation = denunciation == null ? List.of() : denunciation;
            complaint = complaint == null ? List.of() : complaint;
        }
    }
}
