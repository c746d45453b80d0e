package io.langnghe.routing.warning;

import io.langnghe.routing.MatchableText;
import io.langnghe.routing.Phrases;
import io.langnghe.routing.YamlResource;
import io.langnghe.routing.cases.UrgentWords;

import java.util.List;

/**
 * The words of taxonomy/warning-words.yml (escalation, vulnerable people) and the urgent phrases of
 * routing/deadlines.yml (safety), found in a petition's text with or without its diacritics.
 */
public final class WarningWords {

    private static final String RESOURCE = "/taxonomy/warning-words.yml";

    private final Phrases escalation;
    private final Phrases vulnerable;
    private final UrgentWords safety;

    public WarningWords(List<String> escalation, List<String> vulnerable, UrgentWords safety) {
        this.escalation = new Phrases(escalation);
        this.vulnerable = new Phrases(vulnerable);
        this.safety = safety;
    }

    /** The words of taxonomy/warning-words.yml (it comes with event-contracts). */
    public static WarningWords loadDefault(UrgentWords safety) {
        File file = YamlResource.read(RESOURCE, File.class);
        if (file.escalation() == null || file.vulnerable() == null) {
            throw new IllegalStateException(RESOURCE + ": both escalation and vulnerable are needed");
        }
        return new WarningWords(file.escalation(), file.vulnerable(), safety);
    }

    record File(List<String> escalation, List<String> vulnerable) {
    }

    /** What a text says, for the risk score. */
    public Found find(String text) {
        return find(MatchableText.of(text));
    }

    /** As {@link #find(String)}: the text normalised and folded once for the three lists. */
    public Found find(MatchableText text) {
        return new Found(escalation.find(text).orElse(null), vulnerable.find(text).orElse(null), safety.find(text).orElse(null));
    }

    /** The first phrase of each list found in a text, or null. */
    public record Found(String escalation, String vulnerable, String safety) {
    }
}
