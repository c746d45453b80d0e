package io.langnghe.routing.classify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** classifier/lexicon.yml: neutral phrases and the boundaries between categories. */
record LexiconFile(List<String> neutral, List<Boundary> boundaries) {

    private static final String RESOURCE = "/classifier/lexicon.yml";

    LexiconFile {
        neutral = neutral == null ? List.of() : List.copyOf(neutral);
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
    }

    static LexiconFile loadDefault() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = LexiconFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return yaml.readValue(in, LexiconFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
