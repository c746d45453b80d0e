package io.langnghe.routing.warning;

import io.langnghe.routing.YamlResource;
import io.langnghe.text.VietnameseText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words residents use for one thing (taxonomy/synonyms.yml): "đèn đường", "bóng chiếu sáng" and
 * "cột đèn" are one street light (a thing), "không sáng", "hỏng" and "cháy bóng" one breakdown (a
 * state). Read on folded syllables, the longest phrase first at each position, so a text typed
 * without diacritics finds the same ones.
 */
final class Synonyms {

    private static final String RESOURCE = "/taxonomy/synonyms.yml";

    /** Phrases as folded syllables, indexed by their first syllable, longest first. */
    private final Map<String, List<Phrase>> byFirstSyllable = new HashMap<>();

    Synonyms(Map<String, List<String>> things, Map<String, List<String>> states) {
        add(things, false);
        add(states, true);
        byFirstSyllable.values().forEach(phrases -> phrases.sort(Comparator.comparingInt((Phrase p) -> p.syllables().length).reversed()));
    }

    private void add(Map<String, List<String>> wordsByCode, boolean state) {
        wordsByCode.forEach((code, phrases) -> phrases.forEach(phrase -> {
            String[] syllables = VietnameseText.foldForMatching(phrase).split(" ");
            byFirstSyllable.computeIfAbsent(syllables[0], first -> new ArrayList<>()).add(new Phrase(syllables, new Meaning(code, state)));
        }));
    }

    /** @param state what is wrong with a thing ("broken"), rather than the thing ("street_light") */
    record Meaning(String code, boolean state) {
    }

    /** The synonyms of taxonomy/synonyms.yml (it comes with event-contracts). */
    static Synonyms loadDefault() {
        File file = YamlResource.read(RESOURCE, File.class);
        if (file.things() == null || file.things().isEmpty() || file.states() == null) {
            throw new IllegalStateException(RESOURCE + ": things and states are needed");
        }
        return new Synonyms(file.things(), file.states());
    }

    record File(Map<String, List<String>> things, Map<String, List<String>> states) {
    }

    private record Phrase(String[] syllables, Meaning meaning) {

        boolean matchesAt(String[] text, int position) {
            if (position + syllables.length > text.length) {
                return false;
            }
            for (int i = 0; i < syllables.length; i++) {
                if (!syllables[i].equals(text[position + i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What a text's folded syllables name, in reading order (named twice, it comes twice). */
    List<Meaning> meanings(String[] folded) {
        List<Meaning> things = new ArrayList<>();
        int position = 0;
        while (position < folded.length) {
            Phrase found = null;
            for (Phrase phrase : byFirstSyllable.getOrDefault(folded[position], List.of())) {
                if (phrase.matchesAt(folded, position)) {
                    found = phrase;
                    break;
                }
            }
            if (found == null) {
                position++;
            } else {
                things.add(found.meaning());
                position += found.syllables().length;
            }
        }
        return things;
    }
}
