package io.langnghe.routing;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Correction;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.classify.Corpus;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.WorkingCalendar;
import io.langnghe.routing.warning.EarlyWarningTopology;
import io.langnghe.testsupport.StateDirectories;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * The routing topology in a TopologyTestDriver as the topology tests use it: the shipped taxonomy,
 * corpus and deadlines, a fixed clock, and its topics under the prefix {@code test}. A test names only
 * what it changes ({@link #at}, then {@code with…}) and reads its topics from here.
 */
final class RoutingUnderTest implements AutoCloseable {

    static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    static final Topics TOPICS = Topics.withPrefix("test");
    static final Deadlines DEADLINES = new Deadlines(WorkingCalendar.loadDefault(), 1, 10);

    private final TopologyTestDriver driver;

    private RoutingUnderTest(Setup setup) {
        StreamsBuilder builder = new StreamsBuilder();
        RoutingTopology.define(builder, TOPICS, setup.classifier, new Router(TAXONOMY, 0.5, 0.2), new CaseOpening(DEADLINES),
                new CaseLifecycle(TAXONOMY, DEADLINES), setup.watch, Clock.fixed(setup.now, ZoneOffset.UTC), setup.authority,
                EarlyWarningTopology.off(TAXONOMY));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, setup.applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, StateDirectories.fresh());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = setup.wallClockStart == null ? new TopologyTestDriver(builder.build(), config)
                : new TopologyTestDriver(builder.build(), config, setup.wallClockStart);
    }

    /** A classifier trained on the shipped corpus; each call trains a new one, since corrections teach it. */
    static BlendedClassifier trainedClassifier() {
        return BlendedClassifier.trained(TAXONOMY, ClassifierSettings.DEFAULTS, Corpus.load(Corpus.TRAINING));
    }

    /** The topology of application {@code applicationId} whose clock reads {@code now}. */
    static Setup at(String applicationId, Instant now) {
        return new Setup(applicationId, now);
    }

    TopologyTestDriver driver() {
        return driver;
    }

    /** Petitions as bytes, so a test can also send one that cannot be read. */
    TestInputTopic<String, byte[]> received() {
        return driver.createInputTopic(TOPICS.feedbackReceived().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    TestInputTopic<String, byte[]> commands() {
        return driver.createInputTopic(TOPICS.caseCommands().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    TestInputTopic<String, RoutingRule> rules() {
        return driver.createInputTopic(TOPICS.routingRules().name(), Serdes.String().serializer(), TOPICS.routingRules().valueSerde().serializer());
    }

    TestOutputTopic<String, CaseState> cases() {
        return driver.createOutputTopic(TOPICS.cases().name(), Serdes.String().deserializer(), TOPICS.cases().valueSerde().deserializer());
    }

    TestOutputTopic<String, CommandResult> results() {
        return driver.createOutputTopic(TOPICS.caseCommandResults().name(), Serdes.String().deserializer(),
                TOPICS.caseCommandResults().valueSerde().deserializer());
    }

    TestOutputTopic<String, Correction> corrections() {
        return driver.createOutputTopic(TOPICS.classifierCorrections().name(), Serdes.String().deserializer(),
                TOPICS.classifierCorrections().valueSerde().deserializer());
    }

    TestOutputTopic<String, DeadLetter> deadLetters() {
        return driver.createOutputTopic(TOPICS.feedbackDlq().name(), Serdes.String().deserializer(),
                TOPICS.feedbackDlq().valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }

    /** What a test may change; everything else is as shipped. */
    static final class Setup {
        private final String applicationId;
        private final Instant now;
        private BlendedClassifier classifier;
        private DeadlineWatch watch = new DeadlineWatch(0.8, Duration.ofMinutes(1));
        private CommandAuthority authority = CommandAuthority.unchecked();
        private Instant wallClockStart;

        private Setup(String applicationId, Instant now) {
            this.applicationId = applicationId;
            this.now = now;
        }

        Setup withClassifier(BlendedClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        Setup withDeadlineWatch(DeadlineWatch watch) {
            this.watch = watch;
            return this;
        }

        Setup withAuthority(CommandAuthority authority) {
            this.authority = authority;
            return this;
        }

        /** Where the driver's wall clock starts, for tests that advance it (punctuations). */
        Setup withWallClockStart(Instant start) {
            this.wallClockStart = start;
            return this;
        }

        RoutingUnderTest start() {
            if (classifier == null) {
                classifier = trainedClassifier();
            }
            return new RoutingUnderTest(this);
        }
    }
}
