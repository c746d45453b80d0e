package io.langnghe.routing;

import io.langnghe.access.LangngheSecrets;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.contracts.kafka.CommandSignature;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.warning.EarlyWarningTopology;
import io.langnghe.routing.warning.WarningSettings;
import io.langnghe.routing.warning.WarningWords;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import java.nio.file.Path;
import java.time.Clock;

/** Hands Micronaut's stream builder (configured from kafka.streams.default) to the routing, the early warning in it. */
@Factory
class RoutingStreams {

    @Singleton
    KStream<String, byte[]> routing(ConfiguredStreamBuilder builder, Topics topics, BlendedClassifier classifier,
                                    Router router, CaseOpening opening, CaseLifecycle lifecycle, DeadlineWatch watch, Clock clock,
                                    Taxonomy taxonomy, WarningSettings warningSettings, WarningWords warningWords,
                                    LangngheSecrets secrets, @Value("${langnghe.streams.state-dir:}") String stateDir) {
        // Set here because YAML placeholders cannot default to a system property; Kafka Streams adds the application id.
        builder.getConfiguration().put(StreamsConfig.STATE_DIR_CONFIG, stateDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "langnghe-streams").toString()
                : stateDir);
        // a person's command counts only when search-service signed it (LANGNGHE_SECRETS_COMMANDS)
        CommandAuthority authority = new CommandAuthority(new CommandSignature(secrets.get("commands")));
        return RoutingTopology.define(builder, topics, classifier, router, opening, lifecycle, watch, clock, authority,
                EarlyWarningTopology.of(taxonomy, warningSettings, warningWords));
    }
}
