package io.langnghe.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code ./langnghe simulate [--days 60] [--seed 7] [--background-only] [--start 2026-09-01]}: runs the
 * simulated ward through the routing and early-warning topology and prints, for each injected incident,
 * whether and when it was detected, then the false alerts per week.
 * <p>
 * {@code --live http://127.0.0.1:8080 [--speed 1440]} instead sends the same petitions to a running
 * stack's intake, paced by simulated time divided by the speed, to watch issues and alerts appear on
 * the leader's dashboard. The live stack judges by its own clock, so timings there are not the table's.
 */
public final class SimulateCli {

    private SimulateCli() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (NumberFormatException e) {
            System.err.println("simulate: --days, --seed and --speed take numbers (" + e.getMessage() + ")");
            System.exit(2);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("simulate: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        int days = 60;
        long seed = 7;
        boolean incidents = true;
        LocalDate start = LocalDate.of(2026, 9, 1);
        String live = null;
        double speed = 1440;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--background-only" -> incidents = false;
                case "--start" -> start = LocalDate.parse(args[++i]);
                case "--live" -> live = args[++i];
                case "--speed" -> speed = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: ./langnghe simulate [--days N] [--seed S] [--background-only] [--start YYYY-MM-DD]"
                            + " [--live INGEST_URL [--speed FACTOR]]");
                    System.exit(2);
                }
            }
        }
        Instant midnight = start.atStartOfDay().toInstant(ZoneOffset.ofHours(7));
        if (live != null) {
            new LiveFeed(live, speed).send(new WardSimulation().petitions(midnight, days, seed, incidents));
            return;
        }
        int total = days;
        WardSimulation.Result result = new WardSimulation().run(midnight, days, seed, incidents,
                day -> System.err.printf("\rsimulated day %d/%d", day, total));
        System.err.println();
        System.out.println(DetectionReport.of(result).table());
    }
}
