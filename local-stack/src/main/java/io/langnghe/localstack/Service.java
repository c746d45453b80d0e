package io.langnghe.localstack;

import io.langnghe.contracts.kafka.ServicePrincipal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the pipeline's services, as the launcher runs it: from its module's target/classes and target/lib.
 *
 * @param javaOptions the JVM's options besides the heap, where measuring found one that saves CPU
 */
public record Service(String module, String mainClass, int port, List<String> javaOptions) {

    public static final List<Service> ALL = List.of(
            new Service("ingest-service", "io.langnghe.ingest.IngestApplication", 8080, List.of()),
            new Service("routing-streams", "io.langnghe.routing.RoutingApplication", 8070, List.of()),
            new Service("search-service", "io.langnghe.search.SearchApplication", 8090, List.of()),
            // the serial collector: 0.78 instead of 0.90 ms of CPU per petition at 100/s (G1's, JIT left out)
            new Service("notification-service", "io.langnghe.notify.NotificationApplication", 8060, List.of("-XX:+UseSerialGC")));

    /** The Kafka principal the service logs in as: the user named after its module. */
    public ServicePrincipal principal() {
        return Arrays.stream(ServicePrincipal.values()).filter(principal -> principal.user().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Kafka principal for " + module));
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String classpath(Path checkout) {
        Path target = checkout.resolve(module).resolve("target");
        return target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    /**
     * Starts the service as a child process on the given port. The environment carries the servers
     * and prefixes; the demo-secret guard is relaxed because this is the local stack.
     */
    public ChildProcess start(Path checkout, int onPort, Map<String, String> environment, Path log) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("LANGNGHE_LOCAL_STACK", "true");
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(onPort));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", classpath(checkout), mainClass));
        return ChildProcess.start(module, command, env, checkout, log);
    }

    /** A message saying what to build, or null when the module is built. */
    public String missingBuild(Path checkout) {
        Path target = checkout.resolve(module).resolve("target");
        if (Files.isDirectory(target.resolve("classes")) && Files.isDirectory(target.resolve("lib"))) {
            return null;
        }
        return module + " is not built (no " + target.resolve("classes") + " or " + target.resolve("lib")
                + "); run: mvn -DskipTests install";
    }
}
