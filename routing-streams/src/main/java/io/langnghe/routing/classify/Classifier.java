package io.langnghe.routing.classify;

import io.langnghe.contracts.Classification;

/**
 * Decides which category a petition belongs to, how sure it is (0..1) and which words decided it,
 * so an officer can check the decision. The stream, {@code POST /api/classify} and
 * {@code ./langnghe classify} share one implementation.
 */
public interface Classifier {

    /** Every category worth considering, most likely first. */
    Ranking rank(String text);

    default Classification classify(String text) {
        return rank(text).best().classification();
    }
}
