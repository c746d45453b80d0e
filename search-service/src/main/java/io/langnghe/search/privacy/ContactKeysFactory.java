package io.langnghe.search.privacy;

import io.langnghe.contracts.privacy.KafkaContactKeys;
import io.langnghe.search.indexing.KafkaSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** search-service's copy of the cases' contact keys: it opens a contact only on an officer's case page. */
@Factory
public class ContactKeysFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ContactKeysFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    KafkaContactKeys contactKeys(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.connection());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-service-keys");
        KafkaContactKeys keys = new KafkaContactKeys(config, kafka.topics().contactKeys(), Duration.ofSeconds(5));
        if (!keys.awaitCaughtUp(Duration.ofSeconds(30))) {
            LOG.warn("Contact keys not read to the end within 30 s; each lookup catches up on its own");
        }
        return keys;
    }
}
