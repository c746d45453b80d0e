package io.langnghe.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A launcher in miniature for the tests, run in its own JVM: the lock, the watchdog and the supervisor
 * of {@code ./langnghe up}, over two children that only sleep. Prints {@code children <pid> <pid>}.
 */
public final class SleepersLauncher {

    private SleepersLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        var running = StackLock.acquire(home);
        if (running.isPresent()) {
            System.out.println(running.get());
            System.exit(3);
        }
        Watchdog.start(home.resolve("children.pids"));
        List<SupervisedChild<?>> children = List.of(sleeper("first", home), sleeper("second", home));
        children.forEach(SupervisedChild::start);
        new Supervisor(children, Duration.ofMillis(100), System.out, reason -> System.exit(1)).start();
        System.out.println("children " + children.get(0).pid() + " " + children.get(1).pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static SupervisedChild<ChildProcess> sleeper(String name, Path home) {
        return SupervisedChild.ofProcess(name, () -> ChildProcess.start(name, List.of("sleep", "600"), Map.of(),
                home, home.resolve(name + ".log")));
    }
}
