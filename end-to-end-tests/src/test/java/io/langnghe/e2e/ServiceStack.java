package io.langnghe.e2e;

import io.langnghe.localstack.ChildProcess;
import io.langnghe.localstack.Ports;
import io.langnghe.localstack.Service;
import io.langnghe.testsupport.SharedInfrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The services as separate processes, started from their built {@code target/} directories
 * exactly as {@code ./langnghe up} starts them, on fresh ports and a fresh topic and index prefix of
 * the shared Kafka and Elasticsearch. Each service logs in to Kafka as its own principal on the SASL
 * listener, as under {@code ./langnghe up}, so every run here also proves that the ACLs give each
 * service what its job needs.
 */
final class ServiceStack implements AutoCloseable {

    private final List<ChildProcess> processes = new ArrayList<>();
    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final Map<String, Integer> ports = Map.of(
            "ingest-service", Ports.free(),
            "routing-streams", Ports.free(),
            "search-service", Ports.free(),
            "notification-service", Ports.free());
    private final Map<String, String> extraEnvironment;
    private Path checkout;
    private Path logs;
    private Map<String, String> environment;

    private ServiceStack(Map<String, String> extraEnvironment) {
        this.extraEnvironment = extraEnvironment;
    }

    static ServiceStack start() {
        return start(Map.of());
    }

    /** With more environment for every service (a gateway's address, say). */
    static ServiceStack start(Map<String, String> extraEnvironment) {
        ServiceStack stack = new ServiceStack(extraEnvironment);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String ingest() {
        return "http://127.0.0.1:" + ports.get("ingest-service");
    }

    String search() {
        return "http://127.0.0.1:" + ports.get("search-service");
    }

    String notification() {
        return "http://127.0.0.1:" + ports.get("notification-service");
    }

    String routing() {
        return "http://127.0.0.1:" + ports.get("routing-streams");
    }

    /** The topic and index prefix of this stack on the shared Kafka and Elasticsearch. */
    String prefix() {
        return prefix;
    }

    String login(String username, String password) {
        Http.Answer answer = Http.postJson(search() + "/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (answer.status() != 200) {
            throw new IllegalStateException("login as " + username + " failed: " + answer.status() + " " + answer.body());
        }
        return answer.json().path("access_token").asText();
    }

    /** Where each service's log file is. */
    Path logs() {
        return logs;
    }

    String ingestPort() {
        return String.valueOf(ports.get("ingest-service"));
    }

    /** Stops one service and starts it again on the same port, state and topics; waits until it is healthy. */
    void restart(String module) {
        ChildProcess old = processes.stream().filter(p -> p.name().equals(module)).findFirst().orElseThrow();
        old.close();
        Service service = Service.ALL.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
        ChildProcess again = service.start(checkout, ports.get(module), environmentOf(service), logs.resolve(module + "-restarted.log"));
        processes.set(processes.indexOf(old), again);
        awaitHealthy(again);
    }

    private void startAll() {
        SharedInfrastructure.createTopics(prefix);
        checkout = Path.of(System.getProperty("langnghe.checkout", "..")).toAbsolutePath().normalize();
        logs = checkout.resolve("end-to-end-tests/target/service-logs/" + prefix);
        Map<String, String> base = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafkaBootstrapServers(),
                "ELASTICSEARCH_URL", SharedInfrastructure.elasticsearchUrl(),
                "LANGNGHE_TOPICS_PREFIX", prefix,
                "LANGNGHE_INDEX_PREFIX", prefix,
                "LANGNGHE_STREAMS_STATE_DIR", logs.resolve("streams-state").toString(),
                // one photo store for ingest-service and search-service, as on a real machine
                "LANGNGHE_PHOTOS_DIR", logs.resolve("photos").toString(),
                // ingest-service reads tracking and the public list from this stack's search-service
                "LANGNGHE_SEARCH_URL", search(),
                // the link in residents' messages opens this stack's tracking page
                "LANGNGHE_NOTIFY_TRACKING_URL", ingest() + "/track.html?code=");
        environment = new java.util.HashMap<>(base);
        environment.putAll(extraEnvironment);
        for (Service service : Service.ALL) {
            String notBuilt = service.missingBuild(checkout);
            if (notBuilt != null) {
                throw new IllegalStateException(notBuilt);
            }
            processes.add(service.start(checkout, ports.get(service.module()), environmentOf(service),
                    logs.resolve(service.module() + ".log")));
        }
        for (ChildProcess process : processes) {
            awaitHealthy(process);
        }
    }

    private Map<String, String> environmentOf(Service service) {
        Map<String, String> own = new java.util.HashMap<>(environment);
        own.put("KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.securedKafka().saslBootstrapServers());
        own.putAll(service.principal().serviceEnvironment(System.getenv()));
        return own;
    }

    private void awaitHealthy(ChildProcess process) {
        String health = "http://127.0.0.1:" + ports.get(process.name()) + "/health";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            process.checkAlive();
            try {
                return Http.get(health, null).status() == 200;
            } catch (RuntimeException notListeningYet) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
