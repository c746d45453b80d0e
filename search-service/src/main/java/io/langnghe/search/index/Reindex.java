package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.langnghe.contracts.Topics;
import io.langnghe.search.indexing.KafkaSettings;
import org.elasticsearch.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./langnghe reindex}: rebuilds the cases index from {@code <prefix>.cases.v1}, with the
 * service's environment variables (Kafka as {@link KafkaSettings#forTools}, ELASTICSEARCH_URL, ELASTICSEARCH_USERNAME and
 * ELASTICSEARCH_PASSWORD, LANGNGHE_TOPICS_PREFIX, LANGNGHE_INDEX_PREFIX).
 */
public final class Reindex {

    private Reindex() {
    }

    public static void main(String[] args) throws Exception {
        KafkaSettings kafka = KafkaSettings.forTools(System::getenv);
        String elasticsearch = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        Topics topics = Topics.withPrefix(env("LANGNGHE_TOPICS_PREFIX", "langnghe"));
        String indexPrefix = env("LANGNGHE_INDEX_PREFIX", "langnghe");
        CasesIndex index = CasesIndex.withPrefix(indexPrefix);
        // a long socket timeout: one bulk of a big rebuild may take a while
        ElasticsearchSettings settings = new ElasticsearchSettings(elasticsearch, indexPrefix, Duration.ofSeconds(5), Duration.ofMinutes(2));
        try (RestClient rest = ElasticsearchFactory.connect(settings, ElasticsearchLogin.fromEnvironment(System::getenv))) {
            ElasticsearchClient client = ElasticsearchFactory.client(rest);
            System.err.printf("Reindexing %s into a new index behind %s%n", topics.cases().name(), index.alias());
            Reindexer.Outcome outcome = new Reindexer(client, index, kafka.connection(), topics.cases(), Clock.systemUTC())
                    .run(p -> System.err.printf(Locale.ROOT, "  read %,d  indexed %,d  skipped %,d  (%.0f records/s)%n",
                            p.read(), p.indexed(), p.skipped(), p.perSecond()));
            System.err.printf("Alias %s now points to %s; removed %s%n", index.alias(), outcome.newIndex(), outcome.removedIndices());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
