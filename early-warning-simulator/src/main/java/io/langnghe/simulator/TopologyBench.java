package io.langnghe.simulator;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseKeeper;
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
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code ./langnghe bench topology [--cases-kept 0,10000,100000] [--burst 500] [--petitions 300]}: the
 * routing and early-warning topology alone (no broker, no Elasticsearch), through Kafka's
 * TopologyTestDriver, which runs every step on the calling thread, so that thread's CPU time is the
 * topology's. The stores are in memory (serialized, as on disk): the driver commits after every
 * record, and a commit flushes RocksDB's memtable, which would measure the driver rather than the
 * topology; {@code --rocksdb} keeps them on disk anyway.
 * <p>
 * For each number of cases kept: fills the stores with that many petitions spread over the past year
 * (through the topology: 98% acknowledged, answered and resolved, the rest left open), then sends
 * varied lone petitions and prints the CPU per petition and the records written per topic per
 * petition; then one deadline check (what the keeper does every minute). The burst is N look-alike
 * reports of one blocked drain from N residents within an hour, then the same N residents again
 * (their issue exists, and their coming back raises its level). {@code --open-in-window N[,N…]} fills
 * instead with N petitions of the last six days, all still open: the look-alike index's worst case.
 * {@code --one-area CODE} puts every petition (the fill's and the measured ones) in that area, so each of
 * its categories is a spike of many reports, most of them alone: what a report costs inside a large spike.
 * After each fill, one petition an hour later also pays the early warning's hourly sweep.
 */
public final class TopologyBench {

    private static final Topics TOPICS = Topics.withPrefix("bench");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Duration YEAR = Duration.ofDays(365);
    private static final double LEFT_OPEN = 0.02;
    /** Inside the early warning's window of seven days. */
    private static final Duration WEEK_SO_FAR = Duration.ofDays(6);

    private final Taxonomy taxonomy = Taxonomy.loadDefault();
    private final BlendedClassifier classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS);
    private final DeadlineWatch watch = new DeadlineWatch(0.8, Duration.ofMinutes(1));

    private final Function<String, KeyValueBytesStoreSupplier> stores;
    /** The area of every petition, or null: each in the area the background picks. */
    private final String oneArea;

    private TopologyBench(Function<String, KeyValueBytesStoreSupplier> stores, String oneArea) {
        this.stores = stores;
        this.oneArea = oneArea;
        if (oneArea != null && taxonomy.areas().stream().noneMatch(area -> area.code().equals(oneArea))) {
            throw new IllegalArgumentException("--one-area: the taxonomy has no area " + oneArea);
        }
    }

    public static void main(String[] args) {
        List<Integer> kept = List.of(0, 10_000, 100_000);
        int burst = 500;
        int petitions = 300;
        List<Integer> openInWindow = List.of();
        boolean rocksDb = false;
        String oneArea = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases-kept" -> kept = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                case "--petitions" -> petitions = Integer.parseInt(args[++i]);
                case "--rocksdb" -> rocksDb = true;
                case "--open-in-window" -> openInWindow = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--one-area" -> oneArea = args[++i];
                default -> {
                    System.err.println("usage: ./langnghe bench topology [--cases-kept N[,N…]] [--open-in-window N[,N…]] [--burst N] [--petitions N] [--rocksdb]"
                            + " [--one-area CODE]");
                    System.exit(2);
                }
            }
        }
        TopologyBench bench = new TopologyBench(rocksDb ? Stores::persistentKeyValueStore : Stores::inMemoryKeyValueStore, oneArea);
        // the first thousand petitions run while the JIT compiles: not what a running service pays
        bench.run(new Fill(0, YEAR, LEFT_OPEN), 1000, 0, false);
        System.out.printf("%-28s %12s %14s  %s%n", "scenario", "cpu µs/pet.", "largest record", "records written per petition, by topic");
        for (int n : kept) {
            bench.run(new Fill(n, YEAR, LEFT_OPEN), petitions, 0, true);
        }
        for (int n : openInWindow) {
            bench.run(new Fill(n, WEEK_SO_FAR, 1), petitions, 0, true);
        }
        if (burst > 0) {
            bench.run(new Fill(0, YEAR, LEFT_OPEN), 0, burst, true);
        }
    }

    /** The cases kept before the measure: how many, over how long before now, and the share left open. */
    private record Fill(int cases, Duration over, double leftOpen) {

        String describe() {
            return leftOpen == 1 ? String.format("%,d open in window", cases) : String.format("%,d cases kept", cases);
        }
    }

    /** One fresh topology: fill, then lone petitions, then a deadline check and an hourly sweep; or a burst of look-alikes. */
    private void run(Fill kept, int lonePetitions, int burst, boolean print) {
        Path dir = temporaryDirectory();
        Instant now = Instant.parse("2026-10-01T02:00:00Z");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), config(dir), now)) {
            Pipe pipe = new Pipe(driver);
            SplittableRandom random = new SplittableRandom(11);
            long fillStart = System.nanoTime();
            fill(pipe, kept, now, random);
            if (kept.cases() > 0) {
                System.err.printf("filled %,d cases in %.1f s%n", kept.cases(), (System.nanoTime() - fillStart) / 1e9);
            }
            // the marks of the cases left open are put first, so the measured check is the steady one
            driver.advanceWallClockTime(watch.checkEvery());
            pipe.drain();
            if (!print) {
                petitions(lonePetitions, now, Duration.ofSeconds(1), random, "warm").forEach(pipe::send);
                return;
            }
            if (burst > 0) {
                Instant start = now.plus(Duration.ofMinutes(5));
                Measure m = pipe.measure(() -> burst(pipe, "drain", burst, start));
                System.out.println(m.line("burst of " + burst + " look-alikes", burst));
                // ten minutes after the last, each resident calls again: the reports join the issue, whose level changes
                Measure again = pipe.measure(() -> burst(pipe, "drain-again", burst, start.plus(Duration.ofMinutes(70))));
                System.out.println(again.line("  the same residents again", burst));
                return;
            }
            List<SimPetition> lone = petitions(lonePetitions, now.plus(Duration.ofMinutes(5)), Duration.ofSeconds(1), random, "lone");
            Measure m = pipe.measure(() -> lone.forEach(pipe::send));
            System.out.println(m.line(kept.describe(), lonePetitions));
            Measure check = pipe.measure(() -> driver.advanceWallClockTime(watch.checkEvery()));
            System.out.printf("%-28s %12.0f   (one deadline check, µs)%n", String.format("  deadline check, %,d", kept.cases()),
                    check.cpuNanos / 1e3);
            // an hour of stream time later: this petition's record also runs the early warning's hourly sweep
            List<SimPetition> later = petitions(1, now.plus(Duration.ofMinutes(65)), Duration.ofSeconds(1), random, "later");
            Measure sweep = pipe.measure(() -> later.forEach(pipe::send));
            System.out.printf("%-28s %12.0f   (one petition and the hourly sweep, µs)%n", String.format("  hourly sweep, %,d", kept.cases()),
                    sweep.cpuNanos / 1e3);
        } finally {
            delete(dir);
        }
    }

    /** Petitions over the time before now, most of them (but those left open) worked to the end as a punctual ward would. */
    private void fill(Pipe pipe, Fill kept, Instant now, SplittableRandom random) {
        int n = kept.cases();
        if (n == 0) {
            return;
        }
        Duration step = kept.over().dividedBy(n);
        List<SimPetition> old = petitions(n, now.minus(kept.over()), step, random, "kept");
        KeyValueStore<String, CaseState> cases = pipe.driver.getKeyValueStore(CaseKeeper.STORE);
        int done = 0;
        for (SimPetition p : old) {
            pipe.send(p);
            if (random.nextDouble() >= kept.leftOpen()) {
                CaseState c = cases.get(p.id());
                Instant at = p.at().plus(Duration.ofHours(2));
                pipe.command(officer(c, CaseCommand.Type.ACKNOWLEDGE, null), at);
                pipe.command(officer(c, CaseCommand.Type.ANSWER, "Phường đã cử cán bộ kiểm tra và xử lý."), at.plusSeconds(60));
                pipe.command(officer(c, CaseCommand.Type.RESOLVE, null), at.plusSeconds(120));
            }
            if (++done % 5000 == 0) {
                pipe.drain();
                System.err.printf("\rfilling %,d/%,d", done, n);
            }
        }
        pipe.drain();
        System.err.println();
    }

    /** N residents of one area report the same blocked drain within the hour, each in their own words. */
    private static void burst(Pipe pipe, String prefix, int n, Instant start) {
        String[] texts = {
                "Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ.",
                "Ngõ 45 Lê Lai cống bị tắc, nước thải đen bốc mùi tràn ra ngõ.",
                "cong ngo 45 le lai bi tac, nuoc ban tran vao nha dan",
                "Đề nghị nạo vét cống ngõ 45 Lê Lai, cống tắc nước bẩn tràn lênh láng.",
                "Cống ở ngõ 45 Lê Lai vẫn tắc, nước bẩn tràn, mùi hôi thối không chịu nổi."};
        Duration step = Duration.ofHours(1).dividedBy(n);
        for (int i = 0; i < n; i++) {
            pipe.send(new SimPetition(String.format("%s-%05d", prefix, i), start.plus(step.multipliedBy(i)), Channel.HOTLINE, "tdp-05",
                    "drain-resident-" + i, texts[i % texts.length], "burst", null));
        }
    }

    private List<SimPetition> petitions(int n, Instant from, Duration step, SplittableRandom random, String prefix) {
        Background background = new Background(taxonomy, 4000);
        Ids ids = new Ids();
        List<SimPetition> made = new ArrayList<>(n);
        Instant hour = Instant.parse("2026-03-02T01:00:00Z");
        while (made.size() < n) {
            made.addAll(background.hour(hour, random, ids));
            hour = hour.plus(Duration.ofHours(1));
        }
        List<SimPetition> spread = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SimPetition p = made.get(i);
            spread.add(new SimPetition(prefix + "-" + p.id(), from.plus(step.multipliedBy(i)), p.channel(),
                    oneArea == null ? p.area() : oneArea, p.reporter(), p.text(), null, null));
        }
        return spread;
    }

    private static CaseCommand officer(CaseState c, CaseCommand.Type type, String text) {
        return CaseCommand.of("bench-" + type.code() + "-" + c.caseId(), c.caseId(), type,
                new CaseCommand.Actor("canbo." + c.department(), "OFFICER", c.department()), null).withText(text);
    }

    /** The service's own topology. */
    private org.apache.kafka.streams.Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        Deadlines deadlines = new Deadlines(WorkingCalendar.loadDefault(), 1, 10);
        RoutingTopology.define(builder, TOPICS, classifier, new Router(taxonomy, 0.5, 0.2), new CaseOpening(deadlines),
                new CaseLifecycle(taxonomy, deadlines), watch, Clock.systemUTC(), stores, CommandAuthority.unchecked(),
                EarlyWarningTopology.of(taxonomy, WarningSettings.loadDefault(), WarningWords.loadDefault(UrgentWords.loadDefault())));
        return builder.build();
    }

    /** What one step cost: CPU of this thread, and the records each topic received (with the largest). */
    private record Measure(long cpuNanos, Map<String, Integer> records, int largest) {

        String line(String scenario, int petitions) {
            StringBuilder topics = new StringBuilder();
            records.forEach((topic, n) -> topics.append(String.format("%s %.2f  ", topic.replace("bench.", "")
                    .replace("langnghe-bench-", ""), (double) n / petitions)));
            return String.format("%-28s %12.0f %12d B  %s", scenario, cpuNanos / 1e3 / petitions, largest, topics.toString().strip());
        }
    }

    /** The driver's inputs and every topic it writes to. */
    private static final class Pipe {
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, FeedbackReceived> received;
        private final TestInputTopic<String, CaseCommand> commands;
        private final SplittableRandom codes = new SplittableRandom(3);

        Pipe(TopologyTestDriver driver) {
            this.driver = driver;
            this.received = driver.createInputTopic(TOPICS.feedbackReceived().name(), Serdes.String().serializer(),
                    TOPICS.feedbackReceived().valueSerde().serializer());
            this.commands = driver.createInputTopic(TOPICS.caseCommands().name(), Serdes.String().serializer(),
                    TOPICS.caseCommands().valueSerde().serializer());
        }

        void send(SimPetition p) {
            Contact contact = p.reporter() == null ? Contact.none() : new Contact(null, null, null, p.reporter(), false);
            FeedbackReceived petition = new FeedbackReceived(FeedbackReceived.SCHEMA_VERSION, p.id(), TrackingCode.generate(codes).value(),
                    p.channel(), p.at(), p.text(), p.area(), null, contact, null, null, "bench-" + p.id(), Map.of());
            received.pipeInput(petition.feedbackId(), petition, p.at());
        }

        void command(CaseCommand command, Instant at) {
            commands.pipeInput(command.caseId(), command, at);
        }

        /** Forgets what was written so far (the driver keeps every output record until read). */
        Map<String, List<TestRecord<byte[], byte[]>>> drain() {
            Map<String, List<TestRecord<byte[], byte[]>>> all = new TreeMap<>();
            for (String topic : driver.producedTopicNames()) {
                TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(),
                        Serdes.ByteArray().deserializer());
                all.put(topic, out.readRecordsToList());
            }
            return all;
        }

        Measure measure(Runnable step) {
            drain();
            long before = CPU.getCurrentThreadCpuTime();
            step.run();
            long cpu = CPU.getCurrentThreadCpuTime() - before;
            Map<String, Integer> counts = new TreeMap<>();
            int largest = 0;
            for (Map.Entry<String, List<TestRecord<byte[], byte[]>>> e : drain().entrySet()) {
                if (!e.getValue().isEmpty()) {
                    counts.put(e.getKey(), e.getValue().size());
                }
                largest = Math.max(largest, e.getValue().stream().map(TestRecord::value).filter(v -> v != null)
                        .mapToInt(v -> v.length).max().orElse(0));
            }
            return new Measure(cpu, counts, largest);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("langnghe-bench-topology");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static java.util.Properties config(Path stateDir) {
        java.util.Properties config = new java.util.Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "langnghe-bench");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }
}
