package io.langnghe.bench.e2e;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./langnghe bench e2e --ceiling}: the highest rate the stack keeps up with. Steps of everyday
 * petitions at rising rates (×{@code factor} from {@code --rate}), each for {@code --seconds}; a step is
 * kept up with when nothing was refused, 202 p99 stayed under a second and, as the last petition went
 * out, no more were waiting to become searchable than {@link #BEHIND_SECONDS} seconds of arrivals: a
 * backlog that grows through the step ends above that. The search stops at the first step that fails.
 * {@code --warmup} seconds at a gentle rate go first, not counted.
 */
public final class CeilingSearch {

    /** Searchable within about this long means keeping up (p50 is below a second when the stack keeps up). */
    static final double BEHIND_SECONDS = 2;
    private static final long ACCEPTED_P99_LIMIT_MICROS = TimeUnit.SECONDS.toMicros(1);
    private static final double WARMUP_RATE = 20;

    private final BenchPlan plan;
    private final double factor;
    private final double maxRate;
    private final PrintStream progress;

    public CeilingSearch(BenchPlan plan, double factor, double maxRate, PrintStream progress) {
        if (factor <= 1) {
            throw new IllegalArgumentException("--factor must be above 1");
        }
        this.plan = plan;
        this.factor = factor;
        this.maxRate = maxRate;
        this.progress = progress;
    }

    /**
     * What a step cost, per petition answered 202.
     *
     * @param stackMillis     the whole stack's CPU
     * @param compilingMillis of that, its JIT compilers'
     * @param probeMillis     of that, what the bench's searchable probe cost Elasticsearch (see {@link ProbeCost})
     * @param benchMillis     this bench's own (the load and its probes), on the same cores but not the stack's
     */
    public record StepCpu(double stackMillis, double compilingMillis, double probeMillis, double benchMillis) {
    }

    /** One step of the search. */
    public record Step(double rate, int sent, int answered202, int refusedOrFailed, String firstRefusal, Histogram accepted,
                       Histogram searchable, int behindAtLastSend, StepCpu cpu, double drainSeconds) {

        public boolean keptUp() {
            return refusedOrFailed == 0 && answered202 == sent
                    && accepted.getValueAtPercentile(99) <= ACCEPTED_P99_LIMIT_MICROS
                    && behindAtLastSend <= rate * BEHIND_SECONDS;
        }
    }

    public record Result(String machine, int seconds, List<Step> steps) {

        /** The highest rate kept up with, 0 when not even the first. */
        public double ceiling() {
            return steps.stream().filter(Step::keptUp).mapToDouble(Step::rate).max().orElse(0);
        }

        public String table() {
            StringBuilder t = new StringBuilder("| bench e2e --ceiling | " + machine + ", " + seconds + " s per step |\n| --- | --- |\n");
            t.append("| rate (petitions/s) | sent / 202 / refused or failed · 202 p50 / p99 · searchable p50 / p99 · ")
                    .append("waiting to be searchable at the last send · drained after · CPU per petition, whole stack (of which JIT compiling; ")
                    .append("the bench's searchable probe in Elasticsearch) · ")
                    .append("CPU per petition, this bench · kept up |\n");
            for (Step s : steps) {
                t.append(String.format(Locale.ROOT, "| %.0f | %d / %d / %d · %.1f / %.1f ms · %d / %d ms · %d (limit %.0f) · %.1f s · %.2f ms (%.2f; %.2f) · %.2f ms · %s |%n",
                        s.rate(), s.sent(), s.answered202(), s.refusedOrFailed(),
                        s.accepted().getValueAtPercentile(50) / 1000.0, s.accepted().getValueAtPercentile(99) / 1000.0,
                        s.searchable().getValueAtPercentile(50), s.searchable().getValueAtPercentile(99),
                        s.behindAtLastSend(), s.rate() * BEHIND_SECONDS, s.drainSeconds(), s.cpu().stackMillis(), s.cpu().compilingMillis(), s.cpu().probeMillis(), s.cpu().benchMillis(),
                        s.keptUp() ? "yes" : "no"));
            }
            t.append(String.format(Locale.ROOT, "| ceiling | %.0f petitions/s |%n", ceiling()));
            steps.stream().filter(s -> s.firstRefusal() != null).forEach(s -> t.append(String.format(Locale.ROOT,
                    "| first refusal at %.0f/s | %s |%n", s.rate(), s.firstRefusal().replace('|', '/').replace('\n', ' '))));
            return t.toString();
        }
    }

    public Result run() throws Exception {
        Stack stack = plan.stack();
        Map<String, Long> pids = ProcessCpu.pidsListeningOn(stack.portsByProcess());
        String machine = E2eBench.machine();
        if (plan.warmup() > 0) {
            // a fresh stack compiles for its first minute: warmed at a gentle rate, not counted
            double gentle = Math.min(plan.rate(), WARMUP_RATE);
            progress.printf("Warming up: %.0f/s for %d s, not counted...%n", gentle, plan.warmup());
            step(stack, pids, gentle, plan.warmup(), plan.seed() + 9, false);
        }
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (double rate = plan.rate(); rate <= maxRate; rate *= factor, index++) {
            Step step = step(stack, pids, rate, plan.seconds(), plan.seed() + 10 + index, true);
            steps.add(step);
            progress.printf("%nstep %.0f/s: %s%n", rate, step.keptUp() ? "kept up" : "fell behind");
            if (!step.keptUp()) {
                break;
            }
        }
        return new Result(machine, plan.seconds(), steps);
    }

    /** @param counted a step of the search (not the warm-up): what its probe cost is measured too */
    private Step step(Stack stack, Map<String, Long> pids, double rate, int seconds, long seed, boolean counted) throws Exception {
        // each resident a number of their own per step: the phone limit (10 an hour) refusing a repeat caller is not the stack falling behind
        List<Petitions.Petition> petitions = Petitions.eachWithOwnPhone(
                Petitions.everyday((int) Math.round(rate * seconds), seed), System.currentTimeMillis());
        Map<String, Double> cpuBefore = ProcessCpu.snapshot(pids);
        Map<String, Map<Long, Double>> compilersBefore = ProcessCpu.compilerThreads(pids);
        double benchBefore = ProcessCpu.ownSeconds();
        OpenLoad load = new OpenLoad(stack.ingest());
        Searchability watch = new Searchability(stack);
        Thread sender = new Thread(() -> load.run(petitions, rate, watch::watch), "bench-ceiling-load");
        sender.start();
        int behindAtLastSend = -1;
        long lastLine = 0;
        while (sender.isAlive()) {
            watch.poll();
            if (behindAtLastSend < 0 && load.sent.get() == petitions.size()) {
                behindAtLastSend = watch.unseen();
            }
            if (System.nanoTime() - lastLine > TimeUnit.SECONDS.toNanos(1)) {
                lastLine = System.nanoTime();
                progress.printf("\r%.0f/s: sent %d/%d, 202 %d, waiting to be searchable %d   ", rate, load.sent.get(), petitions.size(),
                        load.answered202.get(), watch.unseen());
            }
            sender.join(100);
        }
        if (behindAtLastSend < 0) {
            behindAtLastSend = watch.unseen();
        }
        long drainStart = System.nanoTime();
        // the next step starts from an empty backlog, so each step measures its own rate
        watch.awaitAll(System.nanoTime() + E2eBench.SEARCHABLE_BOUND.toNanos(), () -> progress.printf(
                "\r%.0f/s: all sent; waiting to be searchable %d   ", rate, watch.unseen()));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        double compilingSeconds = ProcessCpu.compilingBetween(compilersBefore, ProcessCpu.compilerThreads(pids)).values().stream()
                .mapToDouble(Double::doubleValue).sum();
        Map<String, Double> cpuAfter = ProcessCpu.snapshot(pids);
        double cpuSeconds = cpuAfter.entrySet().stream().mapToDouble(e -> e.getValue() - cpuBefore.get(e.getKey())).sum();
        double benchSeconds = ProcessCpu.ownSeconds() - benchBefore;
        int answered = load.answered202.get();
        double probeSeconds = 0;
        if (counted) {
            progress.println(); // the progress line above ends here
            probeSeconds = ProbeCost.measureIfLocal(watch, pids, progress).seconds();
        }
        StepCpu cpu = answered == 0 ? new StepCpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new StepCpu(cpuSeconds * 1000 / answered, compilingSeconds * 1000 / answered, probeSeconds * 1000 / answered,
                benchSeconds * 1000 / answered);
        return new Step(rate, load.sent.get(), answered, load.refused.get() + load.failed.get(), load.firstRefusal(), load.accepted, watch.searchable,
                behindAtLastSend, cpu, drainSeconds);
    }
}
