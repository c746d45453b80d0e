package io.langnghe.contracts.kafka;

import java.util.Map;

/**
 * The Kafka principals of the pipeline: one per service, each with only the topics it needs
 * ({@link TopicAccess}), and the operator's admin for creating topics and ACLs. The user name is
 * the module's name; the password comes from {@code LANGNGHE_SECRETS_KAFKA_<NAME>}.
 */
public enum ServicePrincipal {
    ADMIN("admin"),
    INGEST("ingest-service"),
    ROUTING("routing-streams"),
    SEARCH("search-service"),
    NOTIFICATION("notification-service");

    /** What the local stack uses when the environment names no password; a deployment must set its own. */
    public static final String LOCAL_STACK_PASSWORD = "langnghe-demo";

    private final String user;

    ServicePrincipal(String user) {
        this.user = user;
    }

    public String user() {
        return user;
    }

    /** The principal as the broker's ACLs name it. */
    public String principal() {
        return "User:" + user;
    }

    public String passwordVariable() {
        return "LANGNGHE_SECRETS_KAFKA_" + name();
    }

    public String password(Map<String, String> environment) {
        String password = environment.get(passwordVariable());
        return password == null || password.isBlank() ? LOCAL_STACK_PASSWORD : password;
    }

    /** The environment a service reads its login from (its application.yml's kafka.security.protocol and kafka.sasl.*). */
    public Map<String, String> serviceEnvironment(Map<String, String> environment) {
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_USERNAME", user,
                "KAFKA_SASL_PASSWORD", password(environment));
    }
}
