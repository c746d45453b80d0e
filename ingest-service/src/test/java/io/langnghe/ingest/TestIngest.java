package io.langnghe.ingest;

import io.langnghe.testsupport.SharedInfrastructure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an ingest integration test starts the service with: the shared real broker, the test's own
 * topics prefix, the local stack's demo secrets, and what the test adds as key-value pairs.
 * {@link #withFakeSearch} also puts the service on a port known in advance, whose {@code /fake-search}
 * stands in for search-service ({@link FakeSearchService}).
 */
public final class TestIngest {

    private TestIngest() {
    }

    public static Map<String, String> properties(String prefix, String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("properties come in pairs: key, value");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
        properties.put("langnghe.topics-prefix", prefix);
        properties.put("langnghe.local-stack", "true");
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    public static Map<String, String> withFakeSearch(String prefix, int port, String... more) {
        Map<String, String> properties = properties(prefix, more);
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("langnghe.search-url", "http://127.0.0.1:" + port + "/fake-search");
        properties.put("langnghe.test.fake-search", "true");
        return properties;
    }
}
