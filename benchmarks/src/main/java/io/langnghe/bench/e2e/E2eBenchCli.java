package io.langnghe.bench.e2e;

/**
 * {@code ./langnghe bench e2e [--rate R] [--seconds S] [--cases-kept N] [--burst N] [--warmup S] [--seed S]}, against the
 * stack of {@code ./langnghe up} or one named with {@code --ingest --routing --search --notification --kafka --elasticsearch
 * --topics-prefix --index-prefix}. Progress on stderr, the table on stdout.
 */
public final class E2eBenchCli {

    private static final String USAGE = "usage: ./langnghe bench e2e [--rate R] [--seconds S] [--cases-kept N] [--burst N] [--warmup S] [--seed S]"
            + " [--ingest URL] [--routing URL] [--search URL] [--notification URL] [--kafka HOST:PORT] [--elasticsearch URL]"
            + " [--topics-prefix P] [--index-prefix P]";

    private E2eBenchCli() {
    }

    public static void main(String[] args) throws Exception {
        BenchPlan plan;
        try {
            plan = parse(args);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("bench e2e: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        BenchResult result = new E2eBench(plan, System.err).run();
        System.out.print(result.table());
        System.exit(0);
    }

    static BenchPlan parse(String[] args) {
        BenchPlan plan = BenchPlan.defaults();
        Stack stack = plan.stack();
        String topicsPrefix = stack.topicsPrefix();
        String indexPrefix = stack.indexPrefix();
        for (int i = 0; i < args.length; i++) {
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
                case "--seed" -> plan = plan.withSeed(Long.parseLong(value));
                case "--ingest" -> stack = stack.withIngest(value);
                case "--routing" -> stack = stack.withRouting(value);
                case "--search" -> stack = stack.withSearch(value);
                case "--notification" -> stack = stack.withNotification(value);
                case "--kafka" -> stack = stack.withKafka(value);
                case "--elasticsearch" -> stack = stack.withElasticsearch(value);
                case "--topics-prefix" -> topicsPrefix = value;
                case "--index-prefix" -> indexPrefix = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        return plan.withStack(stack.withPrefixes(topicsPrefix, indexPrefix));
    }
}
