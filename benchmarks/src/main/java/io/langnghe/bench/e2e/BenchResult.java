package io.langnghe.bench.e2e;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run measured, and the one table it prints.
 *
 * @param latencies     from the scheduled send to each petition's 202, its case on cases.v1 and its case searchable
 * @param cpu           what each process of the stack spent
 * @param written       records written per topic in the same window
 * @param requests      requests to the broker in the same window, as it answered them and as each process sent them
 * @param fill          what {@code --cases-kept} did ({@link Fill#NONE} without)
 */
public record BenchResult(BenchPlan plan, String machine, double seconds, int sent, int answered202, int refused, int failed,
                          int unseen, String firstRefusal, Latencies latencies, Cpu cpu, Map<String, TopicRecords.Written> written,
                          KafkaRequests.Counts requests, Fill fill) {

    /**
     * @param accepted   HTTP 202 latency, µs from the scheduled send
     * @param committed  202 → its case readable on cases.v1 (routing-streams committed it), ms from the scheduled send
     * @param searchable 202 → searchable, ms from the scheduled send
     */
    public record Latencies(Histogram accepted, Histogram committed, Histogram searchable) {
    }

    /**
     * @param seconds          CPU seconds each process used from the first send until the stack was quiet
     * @param compilingSeconds of those, the seconds its JIT compiler threads used (at least: see ProcessCpu)
     * @param atRestPerSecond  CPU seconds per second each used at rest just before the load, JIT compiling left out
     *                         (empty with {@code --rest 0})
     * @param benchSeconds     CPU seconds this bench used in the same window (the load, its probes), on the same cores
     * @param probe            of Elasticsearch's seconds, those its searchable probe cost it ({@link ProbeCost.Estimate#NONE}
     *                         when Elasticsearch's process is not this machine's)
     */
    public record Cpu(Map<String, Double> seconds, Map<String, Double> compilingSeconds, Map<String, Double> atRestPerSecond,
                      double benchSeconds, ProbeCost.Estimate probe) {

        double total(Map<String, Double> perProcess) {
            return perProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * @param closed  of the cases kept, how many were closed as officers would have by now
     * @param seconds how long it took, written through Kafka until indexed, closed and the stack quiet
     */
    public record Fill(long closed, double seconds) {
        public static final Fill NONE = new Fill(0, 0);
    }

    /**
     * The petitions the stack took in during the window: those written to {@code feedback.received.v1}, which
     * include any whose 202 came too late for the load (Kafka had them; the answer timed out).
     */
    public long petitionsTakenIn() {
        return Math.max(answered202, recordsWritten(plan.stack().topicsPrefix() + ".feedback.received.v1"));
    }

    public double cpuMillisPerPetition(String process) {
        return perPetition(cpu.seconds().getOrDefault(process, Double.NaN) * 1000);
    }

    public double stackCpuMillisPerPetition() {
        return perPetition(cpu.total(cpu.seconds()) * 1000);
    }

    /** The whole stack's CPU per petition without its JIT compiling: what a long-running stack pays. */
    public double stackCpuMillisPerPetitionCompiled() {
        return stackCpuMillisPerPetition() - perPetition(cpu.total(cpu.compilingSeconds()) * 1000);
    }

    /** As {@link #stackCpuMillisPerPetitionCompiled()}, less what the bench's searchable probe cost Elasticsearch. */
    public double stackCpuMillisPerPetitionUnprobed() {
        return stackCpuMillisPerPetitionCompiled() - perPetition(cpu.probe().seconds() * 1000);
    }

    /**
     * As {@link #stackCpuMillisPerPetitionCompiled()}, less what the stack spends at rest over the same window: what
     * the petitions themselves cost, which a higher rate would not spread further.
     */
    public double stackCpuMillisPerPetitionBeyondRest() {
        return stackCpuMillisPerPetitionCompiled() - perPetition(cpu.total(cpu.atRestPerSecond()) * seconds * 1000);
    }

    private double perPetition(double total) {
        return petitionsTakenIn() == 0 ? Double.NaN : total / petitionsTakenIn();
    }

    public long recordsWritten(String topic) {
        TopicRecords.Written w = written.get(topic);
        return w == null ? 0 : w.records();
    }

    /** The table on stdout: one row per figure, the machine and the run first. */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append("| bench e2e | ").append(machine).append(" |\n");
        t.append("| --- | --- |\n");
        row(t, "load", plan.burst() > 0
                ? String.format(Locale.ROOT, "burst of %d look-alike reports at %.0f/s", plan.burst(), plan.rate())
                : String.format(Locale.ROOT, "%.0f petitions/s for %d s", plan.rate(), plan.seconds()));
        row(t, "cases kept before the load / warm-up not counted", plan.casesKept() + " / " + plan.warmup() + " s");
        if (plan.casesKept() > 0) {
            row(t, "cases kept: of them closed", Long.toString(fill.closed()));
            row(t, "cases kept: filled through Kafka, indexed, closed, stack quiet in", String.format(Locale.ROOT, "%.1f s (%.0f cases/s)",
                    fill.seconds(), plan.casesKept() / Math.max(fill.seconds(), 1e-3)));
        }
        row(t, "petitions sent / 202 / refused / failed", sent + " / " + answered202 + " / " + refused + " / " + failed
                + (firstRefusal == null ? "" : " (first: " + firstRefusal.replace('|', '/').replace('\n', ' ') + ")"));
        row(t, "petitions taken in (written to feedback.received.v1): the 'per petition' below", Long.toString(petitionsTakenIn()));
        row(t, "window (first send → stack quiet)", String.format(Locale.ROOT, "%.1f s", seconds));
        Histogram accepted = latencies.accepted();
        Histogram committed = latencies.committed();
        Histogram searchable = latencies.searchable();
        row(t, "202 latency p50 / p99 / max", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms",
                accepted.getValueAtPercentile(50) / 1000.0, accepted.getValueAtPercentile(99) / 1000.0, accepted.getMaxValue() / 1000.0));
        row(t, "202 → on cases.v1 (committed by routing-streams) p50 / p99 / max", String.format(Locale.ROOT, "%d / %d / %d ms (%d seen)",
                committed.getValueAtPercentile(50), committed.getValueAtPercentile(99), committed.getMaxValue(), committed.getTotalCount()));
        row(t, "202 → searchable p50 / p99 / max", String.format(Locale.ROOT, "%d / %d / %d ms (%d not searchable within %d s of the last send)",
                searchable.getValueAtPercentile(50), searchable.getValueAtPercentile(99), searchable.getMaxValue(), unseen,
                E2eBench.SEARCHABLE_BOUND.toSeconds()));
        row(t, "CPU per petition, whole stack", String.format(Locale.ROOT, "%.2f ms", stackCpuMillisPerPetition()));
        row(t, "CPU per petition, whole stack, JIT compiling left out", String.format(Locale.ROOT, "%.2f ms",
                stackCpuMillisPerPetitionCompiled()));
        if (cpu.probe().searches() > 0) {
            row(t, "CPU per petition, whole stack, JIT compiling and the bench's searchable probe left out", String.format(Locale.ROOT,
                    "%.2f ms", stackCpuMillisPerPetitionUnprobed()));
        }
        if (!cpu.atRestPerSecond().isEmpty()) {
            row(t, "CPU per petition, whole stack, JIT compiling and the stack at rest left out", String.format(Locale.ROOT, "%.2f ms",
                    stackCpuMillisPerPetitionBeyondRest()));
            String each = cpu.atRestPerSecond().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
            row(t, "the stack at rest, " + plan.rest() + " s before the load: cores in use, JIT compiling left out", String.format(Locale.ROOT, "%.3f (%s)",
                    cpu.total(cpu.atRestPerSecond()), each));
        }
        cpu.seconds().keySet().forEach(process -> row(t, "CPU per petition, " + process,
                String.format(Locale.ROOT, "%.2f ms (JIT compiling %.2f)", cpuMillisPerPetition(process),
                        perPetition(cpu.compilingSeconds().getOrDefault(process, 0.0) * 1000))));
        if (cpu.probe().searches() > 0) {
            row(t, "CPU per petition, elasticsearch, on the bench's searchable probe (its searches replayed after the run)",
                    String.format(Locale.ROOT, "%.2f ms (%d searches, %.1f ms each)", perPetition(cpu.probe().seconds() * 1000),
                            cpu.probe().searches(), cpu.probe().secondsPerSearch() * 1000));
        }
        row(t, "CPU per petition, this bench (the load and its probes, on the same cores; not the stack's)",
                String.format(Locale.ROOT, "%.2f ms", perPetition(cpu.benchSeconds() * 1000)));
        t.append(requests.rows(petitionsTakenIn()));
        written.forEach((topic, w) -> {
            if (w.records() > 0) {
                row(t, "records per petition, " + topic, String.format(Locale.ROOT, "%.2f (largest %,d B)",
                        perPetition(w.records()), w.largestBytes()));
            }
        });
        return t.toString();
    }

    private static void row(StringBuilder t, String what, String value) {
        t.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }
}
