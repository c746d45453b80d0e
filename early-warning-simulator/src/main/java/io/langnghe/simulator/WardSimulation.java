package io.langnghe.simulator;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.RoutingTopology;
import io.langnghe.routing.cases.UrgentWords;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.WorkingCalendar;
import io.langnghe.routing.warning.EarlyWarningTopology;
import io.langnghe.routing.warning.WarningSettings;
import io.langnghe.routing.warning.WarningWords;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Runs a simulated stream through the real routing and early-warning topology, on simulated time
 * (Kafka's TopologyTestDriver: the records' times are the petitions', the wall clock that drives the
 * deadline checks moves two hours at a time). Simulated officers work the cases as a punctual ward
 * would: acknowledged within hours, answered within days, resolved the same day; an incident may
 * ask them to leave its cases. Every alert is collected with the simulated time it was raised.
 */
public final class WardSimulation {

    /** What one run produced. */
    public record Result(Instant start, int days, List<SimPetition> petitions, List<Incident> incidents, List<Alert> alerts,
                         Map<String, CaseState> cases) {
    }

    private static final Topics TOPICS = Topics.withPrefix("sim");
    /** How far the wall clock moves at a time: the deadline checks (every minute in service) see each mark at most this late. */
    private static final Duration TICK = Duration.ofHours(2);

    private final Taxonomy taxonomy = Taxonomy.loadDefault();
    private final BlendedClassifier classifier;

    public WardSimulation() {
        this.classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS);
    }

    /** The petitions of a simulation, in time order, and the incidents among them. */
    public record Stream(List<SimPetition> petitions, List<Incident> incidents) {
    }

    /**
     * The same petitions for the same seed, whether they then run through the topology or into the live stack.
     *
     * @param start         midnight (Vietnam time) of the first simulated day
     * @param withIncidents inject the five incidents (at least {@value Incidents#LAST_DAY} days), or the background alone
     */
    public Stream petitions(Instant start, int days, long seed, boolean withIncidents) {
        if (withIncidents && days < Incidents.LAST_DAY) {
            throw new IllegalArgumentException("the incidents need at least " + Incidents.LAST_DAY + " days, got " + days
                    + " (or --background-only)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Ids ids = new Ids();
        List<Incident> incidents = withIncidents ? Incidents.all(start, ids) : List.of();
        Background background = new Background(taxonomy, 4000);
        Instant end = start.plus(Duration.ofDays(days));
        List<SimPetition> petitions = new ArrayList<>();
        incidents.forEach(i -> petitions.addAll(i.reports()));
        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
            petitions.addAll(background.hour(hour, random, ids));
        }
        petitions.sort(Comparator.comparing(SimPetition::at));
        return new Stream(List.copyOf(petitions), incidents);
    }

    /**
     * @param start       midnight (Vietnam time) of the first simulated day
     * @param progress    told each finished day
     */
    public Result run(Instant start, int days, long seed, boolean withIncidents, IntConsumer progress) {
        Stream stream = petitions(start, days, seed, withIncidents);
        List<SimPetition> petitions = stream.petitions();
        List<Incident> incidents = stream.incidents();
        SplittableRandom random = new SplittableRandom(seed + 1);
        Instant end = start.plus(Duration.ofDays(days));
        Map<String, Incident.Officers> treatment = new HashMap<>();
        incidents.forEach(i -> i.reports().forEach(p -> treatment.put(p.id(), i.officers())));

        Path stateDir = temporaryDirectory();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), config(stateDir), start)) {
            Run run = new Run(driver, random, treatment);
            petitions.forEach(run::schedule);
            int day = 0;
            for (Instant tick = start; tick.isBefore(end); tick = tick.plus(TICK)) {
                run.until(tick.plus(TICK));
                driver.advanceWallClockTime(TICK);
                run.collect();
                if (Duration.between(start, tick.plus(TICK)).toHours() % 24 == 0) {
                    progress.accept(++day);
                }
            }
            return new Result(start, days, petitions, incidents, run.alerts, run.cases);
        }
    }

    /**
     * The service's own topology: routing (rules, classifier, lifecycle, deadlines) and the early warning,
     * its stores in memory (the driver commits after every record; on disk that is most of the time).
     */
    private Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        Deadlines deadlines = new Deadlines(WorkingCalendar.loadDefault(), 1, 10);
        RoutingTopology.define(builder, TOPICS, classifier, new Router(taxonomy, 0.5, 0.2), new CaseOpening(deadlines),
                new CaseLifecycle(taxonomy, deadlines), new DeadlineWatch(0.8, Duration.ofMinutes(1)), Clock.systemUTC(),
                Stores::inMemoryKeyValueStore, CommandAuthority.unchecked(),
                EarlyWarningTopology.of(taxonomy, WarningSettings.loadDefault(), WarningWords.loadDefault(UrgentWords.loadDefault())));
        return builder.build();
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("langnghe-simulation");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties config(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "langnghe-simulation");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "simulated:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }

    /** One run: the queue of what happens next, the officers, and what came out. */
    private final class Run {
        private record Event(Instant at, long order, SimPetition petition, CaseCommand command) {
        }

        private final TopologyTestDriver driver;
        private final SplittableRandom random;
        private final Map<String, Incident.Officers> treatment;
        private final PriorityQueue<Event> queue = new PriorityQueue<>(Comparator.comparing(Event::at).thenComparing(Event::order));
        private final TestInputTopic<String, FeedbackReceived> received;
        private final TestInputTopic<String, CaseCommand> commands;
        private final TestOutputTopic<String, CaseState> casesOut;
        private final TestOutputTopic<String, Alert> alertsOut;
        private final Map<String, String> trackingCodes = new HashMap<>();
        final Map<String, CaseState> cases = new HashMap<>();
        final List<Alert> alerts = new ArrayList<>();
        private long order;
        private int commandNumber;

        Run(TopologyTestDriver driver, SplittableRandom random, Map<String, Incident.Officers> treatment) {
            this.driver = driver;
            this.random = random;
            this.treatment = treatment;
            this.received = driver.createInputTopic(TOPICS.feedbackReceived().name(), Serdes.String().serializer(),
                    TOPICS.feedbackReceived().valueSerde().serializer());
            this.commands = driver.createInputTopic(TOPICS.caseCommands().name(), Serdes.String().serializer(),
                    TOPICS.caseCommands().valueSerde().serializer());
            this.casesOut = driver.createOutputTopic(TOPICS.cases().name(), Serdes.String().deserializer(),
                    TOPICS.cases().valueSerde().deserializer());
            this.alertsOut = driver.createOutputTopic(TOPICS.alerts().name(), Serdes.String().deserializer(),
                    TOPICS.alerts().valueSerde().deserializer());
        }

        void schedule(SimPetition petition) {
            queue.add(new Event(petition.at(), order++, petition, null));
        }

        private void schedule(Instant at, CaseCommand command) {
            queue.add(new Event(at, order++, null, command));
        }

        /** Everything due before {@code end}, in time order; what it causes may add to the queue. */
        void until(Instant end) {
            while (!queue.isEmpty() && queue.peek().at().isBefore(end)) {
                Event event = queue.poll();
                if (event.petition() != null) {
                    FeedbackReceived petition = feedback(event.petition());
                    received.pipeInput(petition.feedbackId(), petition, event.at());
                } else {
                    commands.pipeInput(event.command().caseId(), event.command(), event.at());
                }
                collect();
            }
        }

        void collect() {
            for (CaseState state : casesOut.readValuesToList()) {
                CaseState before = cases.put(state.caseId(), state);
                if (before == null) {
                    officersTakeUp(state);
                }
            }
            alerts.addAll(alertsOut.readValuesToList());
        }

        private FeedbackReceived feedback(SimPetition p) {
            String code = TrackingCode.generate(random).value();
            trackingCodes.put(p.id(), code);
            Contact contact = p.reporter() == null ? Contact.none() : new Contact(null, null, null, p.reporter(), false);
            String caseRef = p.refersTo() == null ? null : trackingCodes.get(p.refersTo());
            return new FeedbackReceived(FeedbackReceived.SCHEMA_VERSION, p.id(), code, p.channel(), p.at(), p.text(), p.area(), null,
                    contact, null, caseRef, "sim-" + p.id(), Map.of());
        }

        /**
         * A punctual ward: acknowledged in 1–12 hours, started within a day, answered in 1–4 days, resolved
         * hours later; an urgent case within the hour, answered the same day.
         */
        private void officersTakeUp(CaseState opened) {
            Incident.Officers how = treatment.getOrDefault(opened.caseId(), Incident.Officers.AS_USUAL);
            boolean urgent = opened.urgent();
            Instant acknowledged = opened.createdAt().plus(hours(urgent ? 0.2 + 0.8 * random.nextDouble() : 1 + 11 * random.nextDouble()));
            schedule(acknowledged, command(opened, CaseCommand.Type.ACKNOWLEDGE, null));
            if (how == Incident.Officers.ACKNOWLEDGE_ONLY) {
                return;
            }
            Instant started = acknowledged.plus(hours(urgent ? 0.5 : 2 + 20 * random.nextDouble()));
            Instant answered = started.plus(hours(urgent ? 3 + 12 * random.nextDouble() : 24 + 72 * random.nextDouble()));
            schedule(started, command(opened, CaseCommand.Type.START, null));
            schedule(answered, command(opened, CaseCommand.Type.ANSWER, "Phường đã tiếp nhận, cử cán bộ kiểm tra và xử lý."));
            schedule(answered.plus(hours(1 + 8 * random.nextDouble())), command(opened, CaseCommand.Type.RESOLVE, null));
        }

        /** The command as the case's department's officer would send it, when it comes due. */
        private CaseCommand command(CaseState c, CaseCommand.Type type, String text) {
            return CaseCommand.of("sim-cmd-" + (++commandNumber), c.caseId(), type,
                    new CaseCommand.Actor("canbo." + c.department(), "OFFICER", c.department()), null).withText(text);
        }
    }

    private static Duration hours(double h) {
        return Duration.ofSeconds((long) (h * 3600));
    }
}
