package io.langnghe.bench.e2e;

/**
 * What one run of {@code ./langnghe bench e2e} does.
 *
 * @param rate      petitions sent per second, on schedule whatever the answers
 * @param seconds   how long the load lasts (ignored with a burst: its N reports go at the same rate)
 * @param casesKept cases filled in through Kafka before the load, so the stack works with a history
 * @param burst     when above 0, the load is this many look-alike reports of one problem from as many residents
 * @param warmup    seconds of everyday petitions at the same rate before the measured load, not counted: a
 *                  fresh JVM spends seconds of CPU compiling, which would otherwise be charged to the petitions
 * @param seed      for the generated petitions, so two runs send the same words
 * @param rest      seconds the stack is watched doing nothing just before the load: what it costs idle (polls, commits,
 *                  housekeeping) is charged to the petitions too, and weighs more the lower the rate
 */
public record BenchPlan(double rate, int seconds, int casesKept, int burst, int warmup, long seed, int rest, Stack stack) {

    public static BenchPlan defaults() {
        return new BenchPlan(50, 20, 0, 0, 10, 7, 10, Stack.local());
    }

    public BenchPlan {
        if (rate <= 0 || seconds <= 0 || casesKept < 0 || burst < 0 || warmup < 0 || rest < 0) {
            throw new IllegalArgumentException("--rate and --seconds must be positive, --cases-kept, --burst, --warmup and --rest not negative");
        }
    }

    public BenchPlan withRest(int s) {
        return new BenchPlan(rate, seconds, casesKept, burst, warmup, seed, s, stack);
    }

    public BenchPlan withWarmup(int s) {
        return new BenchPlan(rate, seconds, casesKept, burst, s, seed, rest, stack);
    }

    public BenchPlan withRate(double r) {
        return new BenchPlan(r, seconds, casesKept, burst, warmup, seed, rest, stack);
    }

    public BenchPlan withSeconds(int s) {
        return new BenchPlan(rate, s, casesKept, burst, warmup, seed, rest, stack);
    }

    public BenchPlan withCasesKept(int n) {
        return new BenchPlan(rate, seconds, n, burst, warmup, seed, rest, stack);
    }

    public BenchPlan withBurst(int n) {
        return new BenchPlan(rate, seconds, casesKept, n, warmup, seed, rest, stack);
    }

    public BenchPlan withSeed(long s) {
        return new BenchPlan(rate, seconds, casesKept, burst, warmup, s, rest, stack);
    }

    public BenchPlan withStack(Stack s) {
        return new BenchPlan(rate, seconds, casesKept, burst, warmup, seed, rest, s);
    }

    /** How many petitions the load sends: bounded whatever the stack does. */
    public int petitions() {
        return burst > 0 ? burst : (int) Math.round(rate * seconds);
    }
}
