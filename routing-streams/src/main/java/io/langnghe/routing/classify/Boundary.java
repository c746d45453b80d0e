package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;

import java.util.List;

/**
 * Where two categories touch (DESIGN.md): when the text names one of the {@code when} phrases of
 * {@code wins}, the words of {@code over} describe the same problem and do not count.
 */
record Boundary(Category wins, Category over, String why, List<String> when) {
}
