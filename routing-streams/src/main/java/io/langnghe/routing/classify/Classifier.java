package io.langnghe.routing.classify;

import io.langnghe.contracts.Classification;

/**
 * Decides which category a petition belongs to, how sure it is (0..1) and which words decided it,
 * so an officer can check the decision. The stream and {@code POST /api/classify} share one instance.
 */
public interface Classifier {

    Classification classify(String text);
}
