package io.langnghe.routing.cases;

import io.langnghe.routing.MatchableText;
import io.langnghe.routing.Phrases;
import java.util.List;
import java.util.Optional;

/**
 * The phrases that make a petition urgent (fire, electrocution, collapse, poisoning, drowning, an
 * outage of a whole area, a burst main…), matched as {@link Phrases}: with their diacritics, or
 * folded when two syllables or more.
 */
public final class UrgentWords {

    private final Phrases phrases;

    public UrgentWords(List<String> phrases) {
        this(phrases, List.of());
    }

    /** @param notUrgent phrases that hold an urgent word without the danger ("phòng cháy", fire prevention) */
    public UrgentWords(List<String> phrases, List<String> notUrgent) {
        this.phrases = new Phrases(phrases, notUrgent);
    }

    /** The phrases of routing/deadlines.yml. */
    public static UrgentWords loadDefault() {
        DeadlinesFile file = DeadlinesFile.loadDefault();
        return new UrgentWords(file.urgent(), file.notUrgent());
    }

    /** The first urgent phrase of the text, if any: shown in the case's history as the reason. */
    public Optional<String> find(String text) {
        return phrases.find(text);
    }

    /** As {@link #find(String)}, on a text already made ready for matching. */
    public Optional<String> find(MatchableText text) {
        return phrases.find(text);
    }
}
