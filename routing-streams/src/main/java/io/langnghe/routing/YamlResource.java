package io.langnghe.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one of the ward's YAML files (lexicon, deadlines, legal words, holidays) from the classpath.
 * Strict: an unknown key is a typo in a file someone edited, so start-up stops and says where.
 * Keys of more than one word are kebab-case ({@code window-days}), as in application.yml.
 */
public final class YamlResource {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlResource() {
    }

    /** @param resource an absolute classpath path, e.g. {@code /routing/legal.yml} */
    public static <T> T read(String resource, Class<T> type) {
        try (InputStream in = YamlResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
