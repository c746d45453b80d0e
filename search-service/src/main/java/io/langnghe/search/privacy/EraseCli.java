package io.langnghe.search.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.Json;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.ElasticsearchFactory;
import io.langnghe.search.index.ElasticsearchLogin;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.problem.ProblemException;
import org.elasticsearch.client.RestClient;

import java.time.Duration;

/**
 * {@code ./langnghe erase --tracking-code CODE}: erases one resident's contact as the ADMIN endpoint does,
 * with the service's environment (Kafka as {@link KafkaSettings#forTools}, ELASTICSEARCH_URL,
 * ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD, LANGNGHE_TOPICS_PREFIX, LANGNGHE_INDEX_PREFIX). The result is one JSON line on stdout; logs go to stderr.
 */
public final class EraseCli {

    private EraseCli() {
    }

    public static void main(String[] args) throws Exception {
        String code = trackingCode(args);
        if (code == null) {
            System.err.println("usage: ./langnghe erase --tracking-code CODE");
            System.exit(2);
        }
        String elasticsearch = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        ElasticsearchSettings settings = new ElasticsearchSettings(elasticsearch, env("LANGNGHE_INDEX_PREFIX", "langnghe"),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        KafkaSettings kafka = KafkaSettings.forTools(System::getenv);
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        // as search-service where Elasticsearch runs with security (docker-compose.yml); the local stack's has none
        try (RestClient rest = ElasticsearchFactory.connect(settings, ElasticsearchLogin.fromEnvironment(System::getenv))) {
            ObjectMapper mapper = Json.configure(new ObjectMapper());
            CaseReader cases = new CaseReader(ElasticsearchFactory.client(rest), settings);
            try (ContactErasure erasure = new ContactErasure(cases, kafka, new ContactAudit())) {
                System.out.println(mapper.writeValueAsString(erasure.erase(code, actor)));
            } catch (ProblemException e) {
                System.err.println("Not erased: " + e.problem().detail());
                System.exit(1);
            }
        }
    }

    private static String trackingCode(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tracking-code") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--tracking-code=")) {
                return args[i].substring("--tracking-code=".length());
            }
        }
        return null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
