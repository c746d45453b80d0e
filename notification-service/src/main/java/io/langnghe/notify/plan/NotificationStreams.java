package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.NotificationSettings;
import io.langnghe.notify.retention.ContactRetention;
import io.langnghe.notify.retention.RetentionSettings;
import io.langnghe.notify.send.Outbox;
import io.langnghe.notify.staff.Escalations;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import java.nio.file.Path;
import java.time.Clock;

/** Hands Micronaut's stream builder (configured from kafka.streams.default) to the planner's topology. */
@Factory
class NotificationStreams {

    @Singleton
    KStream<String, CaseState> planner(ConfiguredStreamBuilder builder, Topics topics, NoticePlanner planner,
                               NotificationSettings settings, Clock clock, Outbox outbox, Escalations escalations,
                               RetentionSettings retention, @Value("${langnghe.streams.state-dir:}") String stateDir) {
        builder.getConfiguration().put(StreamsConfig.STATE_DIR_CONFIG, stateDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "langnghe-streams").toString()
                : stateDir);
        KStream<String, CaseState> cases = NotificationTopology.define(builder, topics, planner, escalations, settings.releaseEvery(), clock,
                noted -> outbox.append(noted.outcome().at(), noted.request(), noted.outcome().status()));
        // the contacts of cases closed long ago are erased here, where residents' contacts are already read
        ContactRetention.define(builder, cases, topics, retention);
        return cases;
    }
}
