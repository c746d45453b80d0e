package io.langnghe.routing.classify;

import io.langnghe.routing.YamlResource;

import java.util.List;

/** classifier/lexicon.yml: neutral phrases and the boundaries between categories. */
record LexiconFile(List<String> neutral, List<Boundary> boundaries) {

    private static final String RESOURCE = "/classifier/lexicon.yml";

    LexiconFile {
        neutral = neutral == null ? List.of() : List.copyOf(neutral);
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
    }

    static LexiconFile loadDefault() {
        return YamlResource.read(RESOURCE, LexiconFile.class);
    }
}
