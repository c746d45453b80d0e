package io.langnghe.notify.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.localstack.KafkaServer;
import io.langnghe.localstack.Ports;
import io.langnghe.localstack.TopicCreator;
import io.langnghe.notify.TestCases;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * What one petition costs notification-service, measured on the real service against a real broker:
 * it starts the service of each checkout named ({@code <module>/target/classes} and {@code target/lib}) as
 * its own process on fresh topics, fills {@code cases.v1} with {@code --kept} old closed cases, warms it up
 * with {@code --warmup} petitions, measures it idle, then writes {@code --petitions} new cases at
 * {@code --rate} per second as routing-streams would (every case a first version, two in five a second
 * version without a new status) and waits until every resident message is settled. With {@code --email} the residents
 * gave an e-mail address, and the service mails them through a real SMTP server in this JVM (GreenMail, the local
 * stack's mail server); otherwise their SMS only goes to the outbox file. It prints the
 * service's CPU per petition from /proc (whole, and without the JIT compiler's threads, each also with
 * the idle CPU over the same time taken off) and the records written per topic per petition with the largest.
 * Several checkouts (old and new builds) are measured in turn, {@code --runs} times, on one broker.
 * <p>
 * Run from the repository root after {@code mvn -pl notification-service -am package -DskipTests}, with the
 * module's test classpath ({@code mvn -pl notification-service dependency:build-classpath -Dmdep.includeScope=test}):
 * {@code java -cp notification-service/target/test-classes:<test classpath> io.langnghe.notify.bench.NotificationCost
 * --service notification-service[,/other/checkout/notification-service] [--petitions 1500] [--rate 50] [--warmup 1000]
 * [--kept 0] [--assessed 0.4] [--runs 1] [--quiet] [--email] [--jfr path-prefix]}; a broker is started unless KAFKA_BOOTSTRAP_SERVERS names one.
 */
public final class NotificationCost {

    private static final double TICKS_PER_SECOND = 100;

    private NotificationCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Path> modules = List.of(options.getOrDefault("service", "notification-service").split(",")).stream()
                .map(m -> Path.of(m).toAbsolutePath()).toList();
        int runs = Integer.parseInt(options.getOrDefault("runs", "1"));
        String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        KafkaServer broker = given == null ? KafkaServer.onFreePorts(Files.createTempDirectory("notification-cost-kafka")).start() : null;
        try {
            String kafka = given == null ? broker.bootstrapServers() : given;
            // old and new builds interleaved, each run on topics of its own
            for (int run = 0; run < runs; run++) {
                for (Path module : modules) {
                    measure(module, kafka, options);
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void measure(Path module, String kafka, Map<String, String> options) throws Exception {
        int petitions = Integer.parseInt(options.getOrDefault("petitions", "1000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int kept = Integer.parseInt(options.getOrDefault("kept", "0"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1000"));
        String jfr = options.get("jfr");
        boolean quiet = options.containsKey("quiet");
        double assessed = Double.parseDouble(options.getOrDefault("assessed", "0"));
        boolean email = options.containsKey("email");
        String prefix = "nc" + Long.toHexString(System.nanoTime() & 0xffffffL);
        Topics topics = Topics.withPrefix(prefix);
        TopicCreator.create(kafka, topics);

        Path home = Files.createTempDirectory("notification-cost");
        GreenMail smtp = email ? new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) : null;
        if (smtp != null) {
            smtp.start();
        }
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            fill(producer, topics, kept, email);
            int port = Ports.free();
            Process service = start(module, home, kafka, prefix, port, quiet, jfr, smtp);
            try {
                awaitHealthy(port, service);
                String planner = prefix + ".notification-planner";
                awaitCaughtUp(admin, planner, topics.cases().name(), Duration.ofMinutes(5));
                long pid = service.pid();
                // the JIT's work is not a petition's cost: warm the service up first
                load(producer, topics, "warm-", warmup, rate, assessed, email);
                awaitCaughtUp(admin, planner, topics.cases().name(), Duration.ofMinutes(5));
                awaitCaughtUp(admin, prefix + ".notification-sender", topics.notifications().name(), Duration.ofMinutes(5));

                // the service's own cost of standing by, over as long as the load will take
                double loadSeconds = (double) petitions / rate;
                System.err.println("idle from " + Instant.now());
                double idleFrom = cpu(pid);
                double idleOwnFrom = cpuWithoutJit(pid);
                long idleStart = System.nanoTime();
                pause(Duration.ofMillis((long) (Math.max(10, loadSeconds) * 1000)));
                double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
                double idlePerSecond = (cpu(pid) - idleFrom) / idleSeconds;
                double idleOwnPerSecond = (cpuWithoutJit(pid) - idleOwnFrom) / idleSeconds;

                System.err.println("load from " + Instant.now());
                Map<TopicPartition, Long> before = endOffsets(admin, prefix);
                double from = cpu(pid);
                double ownFrom = cpuWithoutJit(pid);
                long start = System.nanoTime();
                int versions = load(producer, topics, "case-", petitions, rate, assessed, email);
                awaitCaughtUp(admin, planner, topics.cases().name(), Duration.ofMinutes(5));
                awaitCaughtUp(admin, prefix + ".notification-sender", topics.notifications().name(), Duration.ofMinutes(5));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.println("load until " + Instant.now());
                double used = cpu(pid) - from;
                double own = cpuWithoutJit(pid) - ownFrom;
                Map<TopicPartition, Long> after = endOffsets(admin, prefix);

                System.out.printf(Locale.ROOT, "%n%s: %d petitions (%d case versions, %.0f%% of the second ones an assessment) at %d/s, %d cases kept%s, load %s%n",
                        module, petitions, versions, assessed * 100, rate, kept, quiet ? ", in quiet hours" : "", loadAverage());
                System.out.printf(Locale.ROOT, "| CPU per petition | %.2f ms (%.1f s in %.1f s) |%n", used * 1000 / petitions, used, seconds);
                System.out.printf(Locale.ROOT, "| CPU per petition, idle taken off | %.2f ms (idle %.1f ms/s) |%n",
                        (used - idlePerSecond * seconds) * 1000 / petitions, idlePerSecond * 1000);
                System.out.printf(Locale.ROOT, "| CPU per petition without the JIT compiler | %.2f ms; idle taken off %.2f ms (idle %.1f ms/s) |%n",
                        own * 1000 / petitions, (own - idleOwnPerSecond * seconds) * 1000 / petitions, idleOwnPerSecond * 1000);
                written(kafka, before, after).forEach((topic, w) -> System.out.printf(Locale.ROOT,
                        "| records per petition, %s | %.2f (largest %,d B) |%n", topic.substring(prefix.length() + 1),
                        (double) w[0] / petitions, w[1]));
                if (smtp != null) {
                    System.out.printf(Locale.ROOT, "| e-mails received by the SMTP server per petition | %.2f |%n",
                            (double) smtp.getReceivedMessages().length / (warmup + petitions));
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    /** Old closed cases, as a ward's history: each with a sealed contact and its key. */
    private static void fill(KafkaProducer<String, byte[]> producer, Topics topics, int kept, boolean email) throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        for (int i = 0; i < kept; i++) {
            Instant at = longAgo.plusSeconds(i * 60L);
            CaseState closed = sealedCase("kept-" + i, topics, producer, at, email)
                    .then(CaseStatus.ACKNOWLEDGED, at.plusSeconds(600)).then(CaseStatus.RESOLVED, at.plusSeconds(3600)).build();
            send(producer, topics.cases().name(), closed.caseId(), topics.cases().valueSerde().serializer().serialize("", closed));
        }
        producer.flush();
    }

    /**
     * New petitions at a fixed rate: a first version each, and for two in five a second one without a new status;
     * the share {@code assessed} of those is the early warning's assessment, marked with its header as the case keeper does.
     */
    private static int load(KafkaProducer<String, byte[]> producer, Topics topics, String ids, int petitions, int rate, double assessed,
                            boolean email) throws Exception {
        long start = System.nanoTime();
        int versions = 0;
        int seconds = 0;
        for (int i = 0; i < petitions; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String caseId = ids + i;
            TestCases builder = sealedCase(caseId, topics, producer, Instant.now(), email);
            CaseState first = builder.build();
            send(producer, topics.cases().name(), caseId, topics.cases().valueSerde().serializer().serialize("", first));
            versions++;
            if (i % 5 < 2) {
                // spread evenly: the n-th second version is an assessment when the share's count passes a whole number
                boolean assessment = Math.floor((seconds + 1) * assessed) > Math.floor(seconds * assessed);
                seconds++;
                CaseState second = assessment
                        ? first.withVersion(2).withAssessment("cluster-" + (i % 7), new Risk(40, "watch", List.of(), Instant.now()))
                        : first.withVersion(2).withClock(first.clock().withUpdatedAt(Instant.now()));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.cases().name(), caseId,
                        topics.cases().valueSerde().serializer().serialize("", second));
                if (assessment) {
                    record.headers().add(CaseState.CHANGE_HEADER, CaseState.ASSESSMENT_CHANGE.getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
                versions++;
            }
        }
        producer.flush();
        return versions;
    }

    /** A web petition whose resident left a phone (and an e-mail address) and agreed to be contacted: answered by SMS (e-mail), contact sealed. */
    private static TestCases sealedCase(String caseId, Topics topics, KafkaProducer<String, byte[]> producer, Instant at, boolean email) {
        ContactKey key = ContactCipher.newKey(caseId, at);
        send(producer, topics.contactKeys().name(), caseId, topics.contactKeys().valueSerde().serializer().serialize("", key));
        Contact contact = new Contact(null, null, "+84 90x xxx x67", "hash-" + caseId, true)
                .withSealed(ContactCipher.seal(new ContactDetails("Nguyễn Văn A", "+8490" + String.format("%07d", Math.abs(caseId.hashCode()) % 10_000_000),
                        email ? caseId + "@example.vn" : null, null, null), key));
        return TestCases.smsCase().id(caseId).channel(Channel.WEB).contact(contact).receivedAt(at);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    private static Process start(Path module, Path home, String kafka, String prefix, int port, boolean quiet, String jfr, GreenMail smtp)
            throws IOException {
        String classpath = module.resolve("target/classes") + ":" + module.resolve("target/lib") + "/*";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr + "-" + module.getParent().getFileName() + "-" + prefix + ".jfr");
        }
        command.addAll(List.of("-cp", classpath, "io.langnghe.notify.NotificationApplication"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("LANGNGHE_LOCAL_STACK", "true");
        // the morning digest is not a petition's cost: not during the run
        env.put("LANGNGHE_STAFF_DIGEST_AT", "23:59");
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("LANGNGHE_TOPICS_PREFIX", prefix);
        env.put("LANGNGHE_STREAMS_STATE_DIR", home.resolve("streams").toString());
        env.put("LANGNGHE_NOTIFY_OUTBOX", home.resolve("outbox/messages.jsonl").toString());
        if (smtp != null) {
            env.put("LANGNGHE_SMTP_HOST", "127.0.0.1");
            env.put("LANGNGHE_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        }
        // quiet hours that hold every message now, or that are never now
        Instant now = Instant.now();
        String local = java.time.LocalTime.ofInstant(now, java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withSecond(0).withNano(0).toString();
        String later = java.time.LocalTime.parse(local).plusHours(quiet ? 6 : -2).toString();
        String earlier = java.time.LocalTime.parse(local).plusHours(quiet ? -1 : -1).toString();
        env.put("LANGNGHE_NOTIFY_QUIET_FROM", quiet ? earlier : later);
        env.put("LANGNGHE_NOTIFY_QUIET_UNTIL", quiet ? later : java.time.LocalTime.parse(later).plusMinutes(30).toString());
        System.err.println("service log: " + home.resolve("service.log"));
        return builder.start();
    }

    private static void awaitHealthy(int port, Process service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service ended with " + service.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("the service was not healthy within 3 minutes");
    }

    /** Until the group has committed the end of the topic (end offsets count transaction markers: within 2 per partition). */
    private static void awaitCaughtUp(Admin admin, String group, String topic, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            boolean caughtUp = ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return e.getValue().offset() == 0 || (at != null && at.offset() >= e.getValue().offset() - 2);
            });
            if (caughtUp) {
                pause(Duration.ofSeconds(2));
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(group + " did not catch up with " + topic + " within " + within);
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String prefix) throws ExecutionException, InterruptedException {
        List<String> ours = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix + ".")).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(ours).allTopicNames().get()
                .forEach((name, d) -> d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records (read_committed) and the largest value per topic between two snapshots of the end offsets. */
    private static Map<String, long[]> written(String kafka, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        after.forEach((partition, end) -> {
            if (end > before.getOrDefault(partition, 0L)) {
                from.put(partition, before.getOrDefault(partition, 0L));
            }
        });
        if (from.isEmpty()) {
            return counts;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!from.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(r.topic(), r.partition());
                    if (from.containsKey(partition) && r.offset() < after.get(partition)) {
                        long[] c = counts.computeIfAbsent(r.topic(), t -> new long[2]);
                        c[0]++;
                        c[1] = Math.max(c[1], r.value() == null ? 0 : r.value().length);
                    }
                }
                from.keySet().removeIf(p -> consumer.position(p) >= after.get(p));
            }
        }
        return counts;
    }

    private static double cpu(long pid) throws IOException {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) / TICKS_PER_SECOND;
    }

    /** The CPU of the service's own threads and the GC's, without the JIT compiler's (which a short run cannot finish). */
    private static double cpuWithoutJit(long pid) throws IOException {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!name.contains("CompilerThre")) {
                        ticks += ticks(thread.resolve("stat"));
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            boolean flag = i + 1 >= rest.size() || rest.get(i + 1).startsWith("--");
            options.put(arg.substring(2), flag ? "" : rest.get(++i));
        }
        return options;
    }
}
