package io.langnghe.bench.e2e;

import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code ./langnghe bench e2e}: optionally fill the stack with a history, then send the
 * petitions open-loop while watching each become searchable, wait until the stack is quiet (every
 * topic's end offsets still for two seconds), and read what it cost: CPU per process, records per topic.
 */
public final class E2eBench {

    static final Duration SEARCHABLE_BOUND = Duration.ofSeconds(120);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration QUIET_BOUND = Duration.ofSeconds(60);

    private final BenchPlan plan;
    private final PrintStream progress;

    public E2eBench(BenchPlan plan, PrintStream progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public BenchResult run() throws Exception {
        Stack stack = plan.stack();
        Map<String, Long> pids = ProcessCpu.pidsListeningOn(stack.portsByProcess());
        progress.println("Processes by port: " + pids + (pids.size() < stack.portsByProcess().size()
                ? " (not found: " + stack.portsByProcess().keySet().stream().filter(p -> !pids.containsKey(p)).toList() + ", not counted)" : ""));
        try (TopicRecords topics = new TopicRecords(stack); KafkaRequests.Watch requests = new KafkaRequests.Watch(kafkaClientsAndBroker(pids), progress)) {
            BenchResult.Fill fill = BenchResult.Fill.NONE;
            if (plan.casesKept() > 0) {
                long fillStart = System.nanoTime();
                Duration bound = Duration.ofSeconds(120 + plan.casesKept() / 5);
                long closed = new CasesKept(stack).fill(plan.casesKept(), plan.seed() + 1, bound,
                        (phase, done, of) -> progress.printf("\rcases kept: %d/%d %s   ", done, of, phase));
                progress.println();
                // the cases are indexed before the early warning has weighed them all: its follow-ups are not the load's
                awaitQuiet(topics, bound);
                fill = new BenchResult.Fill(closed, (System.nanoTime() - fillStart) / 1e9);
                progress.printf("cases kept: %d filled, %d of them closed, in %.1f s%n", plan.casesKept(), closed, fill.seconds());
            }
            if (plan.warmup() > 0) {
                warmUp(stack);
                awaitQuiet(topics, QUIET_BOUND);
            }
            Map<String, Double> atRest = atRest(pids);
            // everyday residents each a number of their own, as the ceiling's steps: compressed into minutes, the simulation's
            // residents file more than the phone limit's 10 an hour (a 5-minute run at 200/s had 16,501 of 60,000 refused)
            List<Petitions.Petition> petitions = plan.burst() > 0
                    ? Petitions.burst(plan.burst(), plan.seed())
                    : Petitions.eachWithOwnPhone(Petitions.everyday(plan.petitions(), plan.seed()), System.currentTimeMillis());
            String loadBefore = loadAverage();

            CaseCommits commits = new CaseCommits(stack);
            Map<TopicPartition, Long> offsetsBefore = topics.endOffsets();
            KafkaRequests.Counts requestsBefore = requests.read();
            Map<String, Double> cpuBefore = ProcessCpu.snapshot(pids);
            Map<String, Map<Long, Double>> compilersBefore = ProcessCpu.compilerThreads(pids);
            double benchBefore = ProcessCpu.ownSeconds();
            long start = System.nanoTime();

            OpenLoad load = new OpenLoad(stack.ingest());
            Searchability watch = new Searchability(stack);
            Thread sender = new Thread(() -> load.run(petitions, plan.rate(), accepted -> {
                commits.watch(accepted);
                watch.watch(accepted);
            }), "bench-e2e-load");
            sender.start();
            long lastLine = 0;
            while (sender.isAlive()) {
                watch.poll();
                if (System.nanoTime() - lastLine > TimeUnit.SECONDS.toNanos(1)) {
                    lastLine = System.nanoTime();
                    progress.printf("\rsent %d/%d, 202 %d, refused %d, failed %d, not yet searchable %d   ",
                            load.sent.get(), petitions.size(), load.answered202.get(), load.refused.get(), load.failed.get(), watch.unseen());
                }
                sender.join(100);
            }
            watch.awaitAll(System.nanoTime() + SEARCHABLE_BOUND.toNanos(), () -> progress.printf(
                    "\rall sent; not yet searchable %d of %d   ", watch.unseen(), load.answered202.get()));
            progress.println();
            commits.close();
            Map<TopicPartition, Long> offsetsAfter = awaitQuiet(topics, QUIET_BOUND);
            KafkaRequests.Counts requested = requests.read().since(requestsBefore);
            // the compilers' window lies inside the processes' one, so compiling never exceeds the whole
            Map<String, Double> compiling = ProcessCpu.compilingBetween(compilersBefore, ProcessCpu.compilerThreads(pids));
            Map<String, Double> cpuAfter = ProcessCpu.snapshot(pids);
            double benchSeconds = ProcessCpu.ownSeconds() - benchBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            ProbeCost.Estimate probe = ProbeCost.measureIfLocal(watch, pids, progress);
            progress.println("Reading back the records written...");
            Map<String, TopicRecords.Written> written = topics.between(offsetsBefore, offsetsAfter);

            Map<String, Double> cpu = new LinkedHashMap<>();
            cpuAfter.forEach((process, after) -> cpu.put(process, after - cpuBefore.get(process)));
            String machine = machine() + ", load " + loadBefore + " → " + loadAverage();
            return new BenchResult(plan, machine, seconds, load.sent.get(), load.answered202.get(), load.refused.get(),
                    load.failed.get(), watch.unseen(), load.firstRefusal(),
                    new BenchResult.Latencies(load.accepted, commits.committed(), watch.searchable),
                    new BenchResult.Cpu(cpu, compiling, atRest, benchSeconds, probe), written, requested, fill);
        }
    }

    /** The processes whose Kafka requests are counted: all but Elasticsearch, which has no Kafka client. */
    private static Map<String, Long> kafkaClientsAndBroker(Map<String, Long> pids) {
        Map<String, Long> counted = new LinkedHashMap<>(pids);
        counted.remove(Stack.ELASTICSEARCH);
        return counted;
    }

    /** Everyday petitions at the run's rate, answered and searchable before anything is measured. */
    private void warmUp(Stack stack) throws Exception {
        List<Petitions.Petition> petitions = Petitions.eachWithOwnPhone(
                Petitions.everyday((int) Math.round(plan.rate() * plan.warmup()), plan.seed() + 2), System.currentTimeMillis() + 5_000_000);
        OpenLoad load = new OpenLoad(stack.ingest());
        Searchability watch = new Searchability(stack);
        progress.printf("Warming up: %d petitions in %d s, not counted...%n", petitions.size(), plan.warmup());
        load.run(petitions, plan.rate(), watch::watch);
        watch.awaitAll(System.nanoTime() + SEARCHABLE_BOUND.toNanos(), () -> progress.printf(
                "\rwarm-up: not yet searchable %d of %d   ", watch.unseen(), load.answered202.get()));
        progress.println();
    }

    /**
     * CPU seconds per second each process uses with nothing to do, over the plan's rest just before the load, its JIT
     * compiling left out: a young stack still compiles at rest, and the load's compiling is already counted apart.
     */
    private Map<String, Double> atRest(Map<String, Long> pids) throws InterruptedException {
        Map<String, Double> perSecond = new LinkedHashMap<>();
        if (plan.rest() == 0) {
            return perSecond;
        }
        progress.printf("The stack at rest for %d s...%n", plan.rest());
        ProcessCpu.Mark before = ProcessCpu.mark(pids);
        long start = System.nanoTime();
        Thread.sleep(plan.rest() * 1000L);
        Map<String, Double> used = ProcessCpu.usedSince(before, pids);
        double seconds = (System.nanoTime() - start) / 1e9;
        used.forEach((process, cpu) -> perSecond.put(process, Math.max(0, cpu) / seconds));
        return perSecond;
    }

    /** The end offsets once no topic of the stack moved for {@link #QUIET}: the early warning's follow-ups are done. */
    private Map<TopicPartition, Long> awaitQuiet(TopicRecords topics, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<TopicPartition, Long> last = topics.endOffsets();
        long stillSince = System.nanoTime();
        progress.println("Waiting until no topic of the stack moved for " + QUIET.toSeconds() + " s...");
        while (System.nanoTime() - stillSince < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            Map<TopicPartition, Long> now = topics.endOffsets();
            if (!now.equals(last)) {
                last = now;
                stillSince = System.nanoTime();
            }
        }
        if (System.nanoTime() - stillSince < QUIET.toNanos()) {
            progress.println("The stack still wrote after " + bound.toSeconds() + " s; measuring from here anyway.");
        }
        return last;
    }

    /** Cores, processor, memory: the numbers mean little without them. */
    static String machine() {
        String model = "";
        long memKb = 0;
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            // not Linux: the cores alone
        }
        return String.format(Locale.ROOT, "%d cores %s, %d GiB, Java %s", Runtime.getRuntime().availableProcessors(), model,
                memKb / 1024 / 1024, System.getProperty("java.version"));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
