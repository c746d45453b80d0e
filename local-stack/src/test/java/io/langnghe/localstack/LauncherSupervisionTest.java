package io.langnghe.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The launcher's supervision with real processes: restarts, giving up, children dying with it, one per home. */
class LauncherSupervisionTest {

    @TempDir
    Path home;

    private final List<Process> launchers = new ArrayList<>();
    private final List<AutoCloseable> children = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable child : children) {
            child.close();
        }
        launchers.forEach(Process::destroyForcibly);
    }

    @Test
    void restartsAChildKilledWithSigkillAndSaysSo() {
        var child = supervised("sleeper", List.of("sleep", "600"));
        child.start();
        long first = child.pid();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Supervisor supervisor = new Supervisor(List.of(child), Duration.ofMillis(50), new PrintStream(out, true),
                reason -> { });
        supervisor.start();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(20)).until(() -> child.isAlive() && child.pid() != first);
        supervisor.stop();
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("  supervisor: sleeper exited (status 137, signal 9); restart 1 of 5 in 50 ms",
                        "  supervisor: sleeper restarted (pid " + child.pid() + ")");
    }

    @Test
    void givesUpWithTheReasonAfterFiveRestartsWithinTenMinutes() {
        var child = supervised("crasher", List.of("sh", "-c", "exit 3"));
        child.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        new Supervisor(List.of(child), Duration.ofMillis(10), new PrintStream(out, true), gaveUp::complete).start();

        await().atMost(Duration.ofSeconds(30)).until(gaveUp::isDone);

        assertThat(gaveUp.join()).isEqualTo("crasher exited (status 3) after 5 restarts within 10 minutes; "
                + "stopping the stack. See its log.");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(" exited ")))
                .containsExactly(
                        "  supervisor: crasher exited (status 3); restart 1 of 5 in 10 ms",
                        "  supervisor: crasher exited (status 3); restart 2 of 5 in 20 ms",
                        "  supervisor: crasher exited (status 3); restart 3 of 5 in 40 ms",
                        "  supervisor: crasher exited (status 3); restart 4 of 5 in 80 ms",
                        "  supervisor: crasher exited (status 3); restart 5 of 5 in 160 ms");
    }

    @Test
    void childrenDieWithTheLauncherEvenOnSigkill() throws IOException {
        Process launcher = launcher();
        List<ProcessHandle> sleepers = childrenOf(launcher);
        assertThat(sleepers).allMatch(ProcessHandle::isAlive);

        launcher.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).until(() -> sleepers.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void aSecondLauncherOnTheSameDataSaysOneIsRunning() throws Exception {
        Process first = launcher();
        childrenOf(first);

        Process second = launcher();
        String answer = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(second.waitFor()).isEqualTo(3);
        assertThat(answer).startsWith("Lắng Nghe is already running on " + home + " (launcher pid " + first.pid() + ")");
    }

    @Test
    void aLauncherKilledWithSigkillLeavesNoLockBehind() throws Exception {
        Process first = launcher();
        childrenOf(first);
        first.destroyForcibly().waitFor();

        Process second = launcher();

        assertThat(childrenOf(second)).hasSize(2).allMatch(ProcessHandle::isAlive);
    }

    private SupervisedChild<ChildProcess> supervised(String name, List<String> command) {
        var child = SupervisedChild.ofProcess(name, () -> ChildProcess.start(name, command, Map.of(), home,
                home.resolve(name + ".log")));
        children.add(child);
        return child;
    }

    private Process launcher() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SleepersLauncher.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        launchers.add(process);
        return process;
    }

    /** The children the launcher reports on its first line. */
    private static List<ProcessHandle> childrenOf(Process launcher) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        assertThat(line).startsWith("children ");
        return Arrays.stream(line.substring("children ".length()).split(" "))
                .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow())
                .toList();
    }
}
