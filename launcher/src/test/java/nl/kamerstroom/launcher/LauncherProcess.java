package nl.kamerstroom.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.kamerstroom.embedded.JvmClassPath;
import nl.kamerstroom.embedded.OrphanGuard;

/**
 * {@code bin/kamerstroom ARGS} as an operator runs it, for tests: the launcher's main in a JVM of
 * its own, in a session and process group of its own (setsid, as a terminal or systemd gives it),
 * so a test can signal the whole group. Behind {@link OrphanGuard}: it never outlives the test JVM.
 * Standard output and standard error go to separate files.
 */
final class LauncherProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private LauncherProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the launcher with {@code environment} laid over this JVM's; its output goes to {@code dir/name.out|err}. */
    static LauncherProcess start(Path dir, String name, Map<String, String> environment, String... args)
            throws IOException {
        return start(dir, name, List.of("-Xmx512m"), environment, args);
    }

    /**
     * As {@link #start(Path, String, Map, String...)}, with {@code heapOptions} (-Xmx, -Xmn, GC
     * logging) for the launcher's JVM. Like bin/kamerstroom, it exits on OutOfMemoryError.
     */
    static LauncherProcess start(Path dir, String name, List<String> heapOptions, Map<String, String> environment,
                                 String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(heapOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                OrphanGuard.class.getName(), Long.toString(ProcessHandle.current().pid()),
                Kamerstroom.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put("CLASSPATH", JvmClassPath.current());
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The launcher and every process it started (the broker and registry under {@code up}). */
    List<ProcessHandle> processTree() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).toList();
    }

    /** {@code kill -SIGNAL -PGID}: what Ctrl-C in a terminal or systemd's stop does. */
    void signalGroup(String signal) throws IOException, InterruptedException {
        kill("-" + signal, "--", "-" + process.pid());
    }

    /** {@code kill -SIGNAL PID}: the main process only. */
    void signal(String signal) throws IOException, InterruptedException {
        kill("-" + signal, Long.toString(process.pid()));
    }

    private static void kill(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill"));
        command.addAll(List.of(args));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command + " exited with " + exit);
        }
    }

    /** Waits until the launcher has exited; true when it did within {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Waits until standard output contains {@code text}; fails early when the launcher exits first. */
    void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stdout().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("The launcher exited (" + process.exitValue() + ") before printing '" + text
                        + "'; stderr: " + stderr() + System.lineSeparator() + tail(stdout(), 40));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No '" + text + "' within " + timeout + ":" + System.lineSeparator()
                        + tail(stdout(), 40));
            }
            Thread.sleep(POLL);
        }
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** The last {@code lines} of standard output, for a failure's message. */
    String stdoutTail(int lines) throws IOException {
        return tail(stdout(), lines);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Kills whatever is still running (a test that failed half-way). */
    @Override
    public void close() {
        processTree().forEach(ProcessHandle::destroyForcibly);
    }
}
