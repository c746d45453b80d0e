package io.langnghe.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the bench's own searchable probe cost Elasticsearch. The probe searches ten times a second whatever the
 * rate, and Elasticsearch spends milliseconds of CPU on each search however few ids it names: at 200 petitions a
 * second that is a tenth of a millisecond per petition, which is the bench's, not the stack's. Elasticsearch cannot
 * say which of its CPU went to whom, so once the stack is quiet the same searches are replayed (as many ids each,
 * as large a share of them found) and its CPU is read over them, less what it spends idle just before and after.
 */
public final class ProbeCost {

    /** Searches replayed: enough for the CPU of a few seconds to stand out of /proc's 10 ms ticks. */
    private static final int REPLAYED = 40;
    private static final long PACE_MILLIS = 100;

    /**
     * @param searches   the searches the probe made
     * @param idsAsked   the ids they named in all
     * @param found      of those, the ids found (each once)
     * @param foundIds   some of the ids found, to name again
     */
    record Asked(long searches, long idsAsked, long found, List<String> foundIds) {
    }

    /**
     * @param searches         the run's searches
     * @param secondsPerSearch Elasticsearch's CPU seconds per search, replayed
     * @param seconds          so the run's probe cost it this many CPU seconds
     */
    public record Estimate(long searches, double secondsPerSearch, double seconds) {
        static final Estimate NONE = new Estimate(0, 0, 0);
    }

    private ProbeCost() {
    }

    /** The probe's cost when Elasticsearch runs on this machine (its process found by its port), else {@link Estimate#NONE}. */
    static Estimate measureIfLocal(Searchability watch, Map<String, Long> pids, PrintStream progress)
            throws IOException, InterruptedException {
        Long elasticsearch = pids.get(Stack.ELASTICSEARCH);
        if (elasticsearch == null) {
            return Estimate.NONE;
        }
        progress.println("Replaying the searchable probe's searches, to take what they cost Elasticsearch off the stack's CPU...");
        return measure(watch, elasticsearch);
    }

    private static Estimate measure(Searchability watch, long elasticsearchPid) throws IOException, InterruptedException {
        Asked asked = watch.asked();
        if (asked.searches() == 0 || asked.foundIds().isEmpty()) {
            return Estimate.NONE;
        }
        int idsPerSearch = (int) Math.max(1, Math.round((double) asked.idsAsked() / asked.searches()));
        int foundPerSearch = (int) Math.min(Math.min(idsPerSearch, asked.foundIds().size()),
                Math.round((double) asked.found() / asked.searches()));
        List<List<String>> replay = new ArrayList<>();
        for (int i = 0; i < REPLAYED; i++) {
            List<String> ids = new ArrayList<>(idsPerSearch);
            for (int f = 0; f < foundPerSearch; f++) {
                ids.add(asked.foundIds().get((i * foundPerSearch + f) % asked.foundIds().size()));
            }
            while (ids.size() < idsPerSearch) {
                ids.add(UUID.randomUUID().toString()); // not yet searchable, as most ids the probe names
            }
            replay.add(ids);
        }
        // idle on both sides, as what a run leaves behind (merges) fades meanwhile
        Window idleBefore = cpuOver(elasticsearchPid, () -> Thread.sleep(REPLAYED * PACE_MILLIS));
        Window busy = cpuOver(elasticsearchPid, () -> {
            for (List<String> ids : replay) {
                watch.found(ids);
                Thread.sleep(PACE_MILLIS);
            }
        });
        Window idleAfter = cpuOver(elasticsearchPid, () -> Thread.sleep(REPLAYED * PACE_MILLIS));
        double idlePerSecond = (idleBefore.cpu() + idleAfter.cpu()) / (idleBefore.seconds() + idleAfter.seconds());
        double perSearch = Math.max(0, busy.cpu() - idlePerSecond * busy.seconds()) / REPLAYED;
        if (Double.isNaN(perSearch)) {
            return Estimate.NONE; // Elasticsearch went away meanwhile
        }
        return new Estimate(asked.searches(), perSearch, perSearch * asked.searches());
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private record Window(double cpu, double seconds) {
    }

    /** The process's CPU over the step, its JIT compiling left out as the table leaves it out. */
    private static Window cpuOver(long pid, Step step) throws IOException, InterruptedException {
        Map<String, Long> process = Map.of(Stack.ELASTICSEARCH, pid);
        ProcessCpu.Mark before = ProcessCpu.mark(process);
        long start = System.nanoTime();
        step.run();
        return new Window(ProcessCpu.usedSince(before, process).get(Stack.ELASTICSEARCH), (System.nanoTime() - start) / 1e9);
    }
}
