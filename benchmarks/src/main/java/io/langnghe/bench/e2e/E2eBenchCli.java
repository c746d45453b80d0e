package io.langnghe.bench.e2e;

import java.util.List;

/**
 * {@code ./langnghe bench e2e [--rate R] [--seconds S] [--cases-kept N] [--burst N] [--warmup S] [--rest S] [--seed S]}, or
 * {@code --ceiling [--rate R] [--seconds S] [--factor F] [--max-rate R]} for the highest rate kept up with, against the
 * stack of {@code ./langnghe up} or one named with {@code --ingest --routing --search --notification --kafka --elasticsearch
 * --topics-prefix --index-prefix}. Progress on stderr, the table on stdout.
 */
public final class E2eBenchCli {

    private static final String USAGE = "usage: ./langnghe bench e2e [--rate R] [--seconds S] [--cases-kept N] [--burst N] [--warmup S] [--rest S] [--seed S]"
            + " [--ceiling [--factor F] [--max-rate R]] [--ingest URL] [--routing URL] [--search URL] [--notification URL] [--kafka HOST:PORT] [--elasticsearch URL]"
            + " [--topics-prefix P] [--index-prefix P]";

    private E2eBenchCli() {
    }

    public static void main(String[] args) throws Exception {
        BenchPlan plan;
        Ceiling ceiling;
        try {
            plan = parse(args);
            ceiling = Ceiling.parse(args);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("bench e2e: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (ceiling.asked()) {
            CeilingSearch.Result result = new CeilingSearch(ceiling.defaultsFor(plan, args), ceiling.factor(), ceiling.maxRate(), System.err).run();
            System.out.print(result.table());
        } else {
            BenchResult result = new E2eBench(plan, System.err).run();
            System.out.print(result.table());
        }
        System.exit(0);
    }

    /** The options of {@code --ceiling}: steps ×factor from the start rate, up to maxRate. */
    record Ceiling(boolean asked, double factor, double maxRate) {

        /** Unless given: from 20/s, two minutes a step (the "sustained for 2 minutes"). */
        BenchPlan defaultsFor(BenchPlan plan, String[] args) {
            List<String> given = List.of(args);
            return plan.withRate(given.contains("--rate") ? plan.rate() : 20)
                    .withSeconds(given.contains("--seconds") ? plan.seconds() : 120);
        }

        static Ceiling parse(String[] args) {
            Ceiling c = new Ceiling(false, 1.5, 2000);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ceiling" -> c = new Ceiling(true, c.factor, c.maxRate);
                    case "--factor" -> c = new Ceiling(c.asked, Double.parseDouble(args[++i]), c.maxRate);
                    case "--max-rate" -> c = new Ceiling(c.asked, c.factor, Double.parseDouble(args[++i]));
                    default -> {
                    }
                }
            }
            return c;
        }
    }

    static BenchPlan parse(String[] args) {
        BenchPlan plan = BenchPlan.defaults();
        Stack stack = plan.stack();
        String topicsPrefix = stack.topicsPrefix();
        String indexPrefix = stack.indexPrefix();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ceiling")) {
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rate" -> plan = plan.withRate(Double.parseDouble(value));
                case "--seconds" -> plan = plan.withSeconds(Integer.parseInt(value));
                case "--cases-kept" -> plan = plan.withCasesKept(Integer.parseInt(value));
                case "--burst" -> plan = plan.withBurst(Integer.parseInt(value));
                case "--warmup" -> plan = plan.withWarmup(Integer.parseInt(value));
                case "--rest" -> plan = plan.withRest(Integer.parseInt(value));
                case "--seed" -> plan = plan.withSeed(Long.parseLong(value));
                case "--ingest" -> stack = stack.withIngest(value);
                case "--routing" -> stack = stack.withRouting(value);
                case "--search" -> stack = stack.withSearch(value);
                case "--notification" -> stack = stack.withNotification(value);
                case "--kafka" -> stack = stack.withKafka(value);
                case "--elasticsearch" -> stack = stack.withElasticsearch(value);
                case "--topics-prefix" -> topicsPrefix = value;
                case "--index-prefix" -> indexPrefix = value;
                case "--factor", "--max-rate" -> {
                    // read by Ceiling.parse
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        return plan.withStack(stack.withPrefixes(topicsPrefix, indexPrefix));
    }
}
