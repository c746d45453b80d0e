package io.langnghe.localstack;

import java.util.Map;

/**
 * The ports of {@code ./langnghe up}: the usual ones, or others from the environment so that a second
 * stack (the fault suite's, a test's) can run beside the first.
 */
public record StackPorts(int kafka, int kafkaController, int elasticsearch, int elasticsearchTransport,
                         int ingest, int routing, int search, int notification, int kafkaSasl) {

    public static final StackPorts USUAL = new StackPorts(9092, 9093, 9200, 9300, 8080, 8070, 8090, 8060, 9094);

    /** LANGNGHE_KAFKA_PORT, LANGNGHE_KAFKA_CONTROLLER_PORT, LANGNGHE_ELASTICSEARCH_PORT, ... override each. */
    public static StackPorts from(Map<String, String> environment) {
        return new StackPorts(
                port(environment, "LANGNGHE_KAFKA_PORT", USUAL.kafka),
                port(environment, "LANGNGHE_KAFKA_CONTROLLER_PORT", USUAL.kafkaController),
                port(environment, "LANGNGHE_ELASTICSEARCH_PORT", USUAL.elasticsearch),
                port(environment, "LANGNGHE_ELASTICSEARCH_TRANSPORT_PORT", USUAL.elasticsearchTransport),
                port(environment, "LANGNGHE_INGEST_PORT", USUAL.ingest),
                port(environment, "LANGNGHE_ROUTING_PORT", USUAL.routing),
                port(environment, "LANGNGHE_SEARCH_PORT", USUAL.search),
                port(environment, "LANGNGHE_NOTIFY_PORT", USUAL.notification),
                port(environment, "LANGNGHE_KAFKA_SASL_PORT", USUAL.kafkaSasl));
    }

    /** Free ports for every part, as environment variables for {@link #from}. */
    public static Map<String, String> freeAsEnvironment() {
        Map<String, String> ports = new java.util.LinkedHashMap<>();
        for (String name : new String[] {"LANGNGHE_KAFKA_PORT", "LANGNGHE_KAFKA_CONTROLLER_PORT", "LANGNGHE_KAFKA_SASL_PORT",
                "LANGNGHE_ELASTICSEARCH_PORT", "LANGNGHE_ELASTICSEARCH_TRANSPORT_PORT", "LANGNGHE_INGEST_PORT",
                "LANGNGHE_ROUTING_PORT", "LANGNGHE_SEARCH_PORT", "LANGNGHE_NOTIFY_PORT",
                // the mail server's ports (MailCatcher) are not a service's, but a second stack needs its own too
                "LANGNGHE_SMTP_PORT", "LANGNGHE_IMAP_PORT"}) {
            ports.put(name, String.valueOf(Ports.free()));
        }
        return Map.copyOf(ports);
    }

    public int of(Service service) {
        return switch (service.module()) {
            case "ingest-service" -> ingest;
            case "routing-streams" -> routing;
            case "search-service" -> search;
            case "notification-service" -> notification;
            default -> throw new IllegalArgumentException("no port for " + service.module());
        };
    }

    private static int port(Map<String, String> environment, String name, int usual) {
        String given = environment.get(name);
        if (given == null || given.isBlank()) {
            return usual;
        }
        try {
            int port = Integer.parseInt(given.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not " + given);
        }
    }
}
