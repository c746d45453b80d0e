package io.langnghe.notify;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.privacy.KafkaContactKeys;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.notify.plan.Composer;
import io.langnghe.notify.plan.NoticeEvent;
import io.langnghe.notify.plan.NoticePlanner;
import io.langnghe.notify.plan.QuietHours;
import io.langnghe.notify.send.Outbox;
import io.langnghe.notify.text.Templates;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The parts notification-service is made of, built once; a missing template stops it at start-up. */
@Factory
class NotificationBeans {

    static final List<String> RESIDENT_CHANNELS = List.of("sms", "zalo", "email");
    static final List<String> LANGUAGES = List.of("vi", "en");

    @Singleton
    Topics topics(@Value("${langnghe.topics-prefix:langnghe}") String prefix) {
        return Topics.withPrefix(prefix);
    }

    @Singleton
    Taxonomy taxonomy() {
        return Taxonomy.loadDefault();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Templates templates() {
        return Templates.load(RESIDENT_CHANNELS, Arrays.stream(NoticeEvent.values()).map(NoticeEvent::code).toList(), LANGUAGES);
    }

    /** The local stack's capture of every message; off when no file is configured. */
    @Singleton
    Outbox outbox(@Value("${langnghe.notifications.outbox:}") String file) {
        return file.isBlank() ? Outbox.off() : Outbox.at(Path.of(file));
    }

    @Singleton
    NoticePlanner planner(NotificationSettings settings, Templates templates, Taxonomy taxonomy, ContactKeys keys) {
        if (!LANGUAGES.contains(settings.language())) {
            throw new IllegalStateException("langnghe.notifications.language must be one of " + LANGUAGES + ", got " + settings.language());
        }
        Composer composer = new Composer(templates, taxonomy, settings.trackingUrl(), settings.language(), settings.smsUnicode(),
                settings.smsMaxParts());
        return new NoticePlanner(new QuietHours(settings.zoneId(), settings.quietHours().from(), settings.quietHours().until()),
                settings.mergeWindow(), settings.maxAge(), composer, keys);
    }

    /** The cases' contact keys, followed from the compacted topic: residents are reached only while theirs exists. */
    @Singleton
    @Bean(preDestroy = "close")
    KafkaContactKeys contactKeys(@Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaLogin login, Topics topics) {
        Map<String, Object> config = login.clientConfig(bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-service-keys");
        // a case reaches the planner after routing-streams' commit, its key usually before it: a miss waits less
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        KafkaContactKeys keys = new KafkaContactKeys(config, topics.contactKeys(), Duration.ofSeconds(5));
        keys.awaitCaughtUp(Duration.ofSeconds(30));
        return keys;
    }
}
