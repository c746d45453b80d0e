package io.langnghe.contracts.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Kafka client logs in, as the client properties that say it: nothing for PLAINTEXT, or
 * SASL/SCRAM-SHA-512 with a user and password. Services read it from {@code kafka.security.protocol}
 * and {@code kafka.sasl.*}; clients built by hand add {@link #clientProperties()} to their own.
 */
public record KafkaLogin(String securityProtocol, String saslMechanism, String saslJaasConfig) {

    public static final String SCRAM = "SCRAM-SHA-512";

    public static KafkaLogin plaintext() {
        return new KafkaLogin("PLAINTEXT", "", "");
    }

    public static KafkaLogin scram(String user, String password) {
        if (user.contains("\"") || password.contains("\"")) {
            // the JAAS line quotes both; a quote inside would end the value early
            throw new IllegalArgumentException("Kafka user names and passwords must not contain a double quote");
        }
        return new KafkaLogin("SASL_PLAINTEXT", SCRAM,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";");
    }

    public static KafkaLogin as(ServicePrincipal principal, Map<String, String> environment) {
        return scram(principal.user(), principal.password(environment));
    }

    /** The properties to add to a producer, consumer, admin or streams configuration. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("security.protocol", securityProtocol);
        if (securityProtocol.startsWith("SASL")) {
            properties.put("sasl.mechanism", saslMechanism);
            properties.put("sasl.jaas.config", saslJaasConfig);
        }
        return properties;
    }

    /** Where to connect and how to log in: the start of every client configuration built by hand. */
    public Map<String, Object> clientConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(clientProperties());
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    @Override
    public String toString() {
        // never the password, which sits in the JAAS line
        return "KafkaLogin[" + securityProtocol + (securityProtocol.startsWith("SASL") ? ", " + saslMechanism : "") + "]";
    }
}
