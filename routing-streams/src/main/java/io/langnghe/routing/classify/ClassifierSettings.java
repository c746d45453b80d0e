package io.langnghe.routing.classify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the blended classifier weighs its two sources of evidence, from {@code langnghe.classifier.*}.
 *
 * @param smoothing     α of naive Bayes: how much an unseen word counts for every category
 * @param temperature   divides the model's log scores: naive Bayes is far too sure of itself on short
 *                      texts, and confidences are compared with the triage thresholds
 * @param lexiconWeight what one syllable of a lexicon phrase adds to a category's score, so the
 *                      ward's own keywords decide where the corpus has few examples
 * @param correctionWeight how many corpus petitions one officer's correction counts as: an officer who
 *                      reads the case knows better than a written example, and one correction must
 *                      move the next such petition even as the corpus grows
 */
@ConfigurationProperties("langnghe.classifier")
public record ClassifierSettings(
        @Bindable(defaultValue = "0.3") double smoothing,
        @Bindable(defaultValue = "4") double temperature,
        @Bindable(defaultValue = "1.5") double lexiconWeight,
        @Bindable(defaultValue = "8") int correctionWeight) {

    /** The same values as the defaults above, for code that runs without Micronaut (./langnghe classify). */
    public static final ClassifierSettings DEFAULTS = new ClassifierSettings(0.3, 4, 1.5, 8);

    public ClassifierSettings {
        if (smoothing <= 0) {
            throw new IllegalArgumentException("langnghe.classifier.smoothing must be positive, got " + smoothing);
        }
        if (temperature <= 0) {
            throw new IllegalArgumentException("langnghe.classifier.temperature must be positive, got " + temperature);
        }
        if (correctionWeight < 1) {
            throw new IllegalArgumentException("langnghe.classifier.correction-weight must be at least 1, got " + correctionWeight);
        }
        if (lexiconWeight < 0) {
            throw new IllegalArgumentException("langnghe.classifier.lexicon-weight must not be negative, got " + lexiconWeight);
        }
    }
}
