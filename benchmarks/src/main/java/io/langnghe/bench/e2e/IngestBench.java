package io.langnghe.bench.e2e;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./langnghe bench ingest [--rate R] [--seconds S] [--warmup S] [--ingest URL] [--kafka HOST:PORT]}: what
 * ingest-service alone spends on a petition at a steady rate, once warm. Everyday petitions go open-loop
 * to {@code POST /api/feedback} (each answered 202 only after Kafka's acknowledgement, as always); the
 * warm-up's are not counted, so the JIT's compiling is not charged to the petitions. CPU comes from
 * /proc for the process listening on the ingest port (and Kafka's, beside it), before and after the
 * measured load, each split by what its threads do (from /proc/PID/task): the JIT compilers' share is how far
 * from warm the process still was, not a cost of the petitions, and the collector's is what its JVM options
 * change. The rest of the stack need not run. The table on stdout, progress on stderr.
 */
public final class IngestBench {

    private static final String USAGE = "usage: ./langnghe bench ingest [--rate R] [--seconds S] [--warmup S] [--seed S]"
            + " [--ingest URL] [--kafka HOST:PORT]";

    private final BenchPlan plan;
    private final PrintStream progress;

    public IngestBench(BenchPlan plan, PrintStream progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * @param cpuSeconds CPU seconds of each process found during the measured load
     * @param accepted   202 latency in µs, from the scheduled send
     * @param threads    CPU seconds of each process's threads during the measured load, by what they do
     * @param requests   requests to the broker during the measured load, as it answered them and as ingest-service sent them
     */
    public record Result(BenchPlan plan, String machine, int sent, int answered202, int refusedOrFailed, String firstRefusal,
                         Map<String, Double> cpuSeconds, Map<String, Map<String, Double>> threads, Histogram accepted,
                         KafkaRequests.Counts requests) {

        /** CPU µs of ingest-service per petition answered 202, or NaN when its process was not found. */
        public double ingestMicrosPerPetition() {
            Double seconds = cpuSeconds.get("ingest-service");
            return seconds == null || answered202 == 0 ? Double.NaN : seconds * 1e6 / answered202;
        }

        public String table() {
            StringBuilder t = new StringBuilder();
            t.append("| ingest-service alone | ").append(machine).append(" |\n| --- | --- |\n");
            t.append(String.format(Locale.ROOT, "| load | %.0f petitions/s for %d s, after %d s of warm-up not counted |%n",
                    plan.rate(), plan.seconds(), plan.warmup()));
            t.append(String.format(Locale.ROOT, "| petitions sent / 202 / refused or failed | %d / %d / %d |%n", sent, answered202,
                    refusedOrFailed));
            cpuSeconds.forEach((process, seconds) -> t.append(String.format(Locale.ROOT, "| CPU per petition, %s | %.0f µs |%n",
                    process, answered202 == 0 ? Double.NaN : seconds * 1e6 / answered202)));
            threads.forEach((process, groups) -> groups.forEach((group, seconds) -> t.append(String.format(Locale.ROOT,
                    "| … %s's %s | %.0f µs |%n", process, group, answered202 == 0 ? Double.NaN : seconds * 1e6 / answered202))));
            t.append(requests.rows(answered202));
            if (accepted.getTotalCount() > 0) {
                t.append(String.format(Locale.ROOT, "| 202 latency p50 / p99 / max | %.1f / %.1f / %.1f ms |%n",
                        accepted.getValueAtPercentile(50) / 1e3, accepted.getValueAtPercentile(99) / 1e3, accepted.getMaxValue() / 1e3));
            }
            if (firstRefusal != null) {
                t.append("| first refusal | ").append(firstRefusal.replace('\n', ' ').replace("|", "\\|")).append(" |\n");
            }
            return t.toString();
        }
    }

    public Result run() throws Exception {
        Stack stack = plan.stack();
        Map<String, Integer> ports = Map.of("ingest-service", java.net.URI.create(stack.ingest()).getPort(),
                Stack.BROKER, java.net.URI.create("http://" + stack.kafka()).getPort());
        Map<String, Long> pids = ProcessCpu.pidsListeningOn(ports);
        progress.println("Processes by port: " + pids);
        // a run of its own, so that a second run within the hour is not refused by the phone limit
        long run = new java.security.SecureRandom().nextInt(10_000_000);
        if (plan.warmup() > 0) {
            List<Petitions.Petition> warm = Petitions.eachWithOwnPhone(
                    Petitions.everyday((int) Math.round(plan.rate() * plan.warmup()), plan.seed() + 2), run);
            progress.printf("Warming up: %d petitions in %d s, not counted...%n", warm.size(), plan.warmup());
            new OpenLoad(stack.ingest()).run(warm, plan.rate(), accepted -> { });
        }
        List<Petitions.Petition> petitions = Petitions.eachWithOwnPhone(Petitions.everyday(plan.petitions(), plan.seed()),
                run + 5_000_000);
        try (KafkaRequests.Watch requests = new KafkaRequests.Watch(pids, progress)) {
            String loadBefore = E2eBench.loadAverage();
            KafkaRequests.Counts requestsBefore = requests.read();
            Map<String, Double> before = ProcessCpu.snapshot(pids);
            Map<String, Map<String, Double>> threadsBefore = ProcessCpu.threadGroups(pids);
            OpenLoad load = new OpenLoad(stack.ingest());
            progress.printf("Sending %d petitions at %.0f/s...%n", petitions.size(), plan.rate());
            load.run(petitions, plan.rate(), accepted -> { });
            Map<String, Double> after = ProcessCpu.snapshot(pids);
            Map<String, Map<String, Double>> threads = ProcessCpu.groupsBetween(threadsBefore, ProcessCpu.threadGroups(pids));
            KafkaRequests.Counts requested = requests.read().since(requestsBefore);
            Map<String, Double> cpu = new java.util.TreeMap<>();
            after.forEach((process, seconds) -> cpu.put(process, seconds - before.get(process)));
            return new Result(plan, E2eBench.machine() + ", load " + loadBefore + " → " + E2eBench.loadAverage(), load.sent.get(),
                    load.answered202.get(), load.refused.get() + load.failed.get(), load.firstRefusal(), cpu, threads, load.accepted,
                    requested);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchPlan plan;
        try {
            plan = E2eBenchCli.parse(args);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("bench ingest: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.print(new IngestBench(plan, System.err).run().table());
        System.exit(0);
    }
}
