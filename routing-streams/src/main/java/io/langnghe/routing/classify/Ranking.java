package io.langnghe.routing.classify;

import java.util.List;
import java.util.Optional;

/** The categories a classifier considered, most likely first; never empty. */
public record Ranking(List<Candidate> candidates) {

    public Ranking {
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("a ranking needs at least one candidate");
        }
        candidates = List.copyOf(candidates);
    }

    public Candidate best() {
        return candidates.get(0);
    }

    public Optional<Candidate> runnerUp() {
        return candidates.size() > 1 ? Optional.of(candidates.get(1)) : Optional.empty();
    }
}
