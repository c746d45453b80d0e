package io.langnghe.contracts;

import java.util.List;

/** What the classifier decided and why, so an officer can check it. */
public record Classification(Category category, double confidence, List<String> reasons) {
}
