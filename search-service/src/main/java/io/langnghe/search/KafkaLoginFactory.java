package io.langnghe.search;

import io.langnghe.contracts.kafka.KafkaLogin;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** This service's Kafka login (kafka.security.protocol, kafka.sasl.*) for the clients it builds by hand. */
@Factory
class KafkaLoginFactory {

    @Singleton
    KafkaLogin kafkaLogin(@Value("${kafka.security.protocol:PLAINTEXT}") String securityProtocol,
                          @Value("${kafka.sasl.mechanism:SCRAM-SHA-512}") String saslMechanism,
                          @Value("${kafka.sasl.jaas.config:}") String saslJaasConfig) {
        return new KafkaLogin(securityProtocol, saslMechanism, saslJaasConfig);
    }
}
