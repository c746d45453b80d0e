package io.langnghe.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * async-profiler's collapsed stacks ({@code [thread];frame;frame… count} per line, the thread first when
 * profiled with {@code threads}), summed the three ways a first look needs: by thread (numbers folded, so a
 * pool's threads are one row), by the frame that was on the CPU, and by our own code's frames with all they called.
 */
public record CollapsedStacks(long samples, Map<String, Long> byThread, Map<String, Long> onCpu, Map<String, Long> ownCode) {

    /** Frames of this project's classes, as async-profiler names them. */
    private static final String OWN = "io/langnghe/";

    public static CollapsedStacks read(Path file) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> onCpu = new HashMap<>();
        Map<String, Long> ownCode = new HashMap<>();
        long samples = 0;
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1));
                String[] frames = line.substring(0, space).split(";");
                samples += count;
                String first = frames[0];
                String thread = first.startsWith("[") ? threadGroup(first) : "(all threads)";
                byThread.merge(thread, count, Long::sum);
                onCpu.merge(frames[frames.length - 1], count, Long::sum);
                // a recursive frame counts once per sample
                Set<String> own = new HashSet<>();
                for (String frame : frames) {
                    if (frame.startsWith(OWN) && !generated(frame) && own.add(frame)) {
                        ownCode.merge(frame, count, Long::sum);
                    }
                }
            }
        }
        return new CollapsedStacks(samples, byThread, onCpu, ownCode);
    }

    /** A lambda's or Micronaut's generated class: the method around it names the same work. */
    private static boolean generated(String frame) {
        return frame.contains("$$Lambda") || frame.contains("$Definition$Exec") || frame.contains("/$");
    }

    /** "[kafka-producer-network-thread | x tid=123]" → "kafka-producer-network-thread | x"; digits folded to #. */
    static String threadGroup(String frame) {
        String name = frame.substring(1, frame.endsWith("]") ? frame.length() - 1 : frame.length());
        int tid = name.lastIndexOf(" tid=");
        return (tid >= 0 ? name.substring(0, tid) : name).replaceAll("\\d+", "#");
    }

    /** The n largest entries, largest first. */
    public static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }
}
