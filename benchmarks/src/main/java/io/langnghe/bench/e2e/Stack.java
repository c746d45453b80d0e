package io.langnghe.bench.e2e;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running stack the benchmark loads and watches: the services (notification-service among them,
 * as it reads every case version), Kafka and Elasticsearch, and the topic and index prefixes they were
 * started with. Every address must be this machine's: the
 * load is for a stack we may overload, never someone else's.
 */
public record Stack(String ingest, String routing, String search, String notification, String kafka, String elasticsearch,
                    String topicsPrefix, String indexPrefix) {

    /** The stack of {@code ./langnghe up}. */
    public static Stack local() {
        return new Stack("http://127.0.0.1:8080", "http://127.0.0.1:8070", "http://127.0.0.1:8090", "http://127.0.0.1:8060",
                "127.0.0.1:9092", "http://127.0.0.1:9200", "langnghe", "langnghe");
    }

    public Stack {
        for (String address : new String[]{ingest, routing, search, notification, elasticsearch, "http://" + kafka}) {
            String host = URI.create(address).getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                throw new IllegalArgumentException("bench e2e loads only a stack on this machine (127.0.0.1), got " + address);
            }
        }
    }

    public Stack withIngest(String url) {
        return new Stack(url, routing, search, notification, kafka, elasticsearch, topicsPrefix, indexPrefix);
    }

    public Stack withRouting(String url) {
        return new Stack(ingest, url, search, notification, kafka, elasticsearch, topicsPrefix, indexPrefix);
    }

    public Stack withSearch(String url) {
        return new Stack(ingest, routing, url, notification, kafka, elasticsearch, topicsPrefix, indexPrefix);
    }

    public Stack withNotification(String url) {
        return new Stack(ingest, routing, search, url, kafka, elasticsearch, topicsPrefix, indexPrefix);
    }

    public Stack withKafka(String bootstrap) {
        return new Stack(ingest, routing, search, notification, bootstrap, elasticsearch, topicsPrefix, indexPrefix);
    }

    public Stack withElasticsearch(String url) {
        return new Stack(ingest, routing, search, notification, kafka, url, topicsPrefix, indexPrefix);
    }

    public Stack withPrefixes(String topics, String index) {
        return new Stack(ingest, routing, search, notification, kafka, elasticsearch, topics, index);
    }

    /** The alias officers search: search-service's {@code <prefix>-cases}. */
    public String casesAlias() {
        return indexPrefix + "-cases";
    }

    /** The broker's and Elasticsearch's names among the stack's processes (the services go by their own). */
    static final String BROKER = "kafka";
    static final String ELASTICSEARCH = "elasticsearch";

    /** Each process of the stack by the TCP port it listens on, in the table's order. */
    public Map<String, Integer> portsByProcess() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest-service", URI.create(ingest).getPort());
        ports.put("routing-streams", URI.create(routing).getPort());
        ports.put("search-service", URI.create(search).getPort());
        ports.put("notification-service", URI.create(notification).getPort());
        ports.put(BROKER, URI.create("http://" + kafka).getPort());
        ports.put(ELASTICSEARCH, URI.create(elasticsearch).getPort());
        return ports;
    }
}
