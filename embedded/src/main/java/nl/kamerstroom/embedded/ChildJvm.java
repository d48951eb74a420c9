package nl.kamerstroom.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child JVM running with this JVM's {@code java} executable, its output appended to a log file.
 *
 * <p>Every started child is stopped by a shutdown hook of this JVM, so a test run or launcher that
 * exits without closing leaves nothing running; {@link OrphanGuard} covers a JVM killed outright.
 *
 * <p>Each child runs in a session and process group of its own (through {@code setsid}, from
 * util-linux, when the machine has it). Ctrl-C in a terminal and systemd's stop send SIGTERM to
 * every process of the group at once: the broker would go down while the services in this JVM
 * still commit, and they would wait out their timeouts (30 s). Shielded, the children get their
 * signal from this JVM, in order: services first, then the registry, then the broker.
 */
final class ChildJvm {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst();

    /** How long the exit hook lets children shut down cleanly before killing them. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(15);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildJvm::stopAll, "kamerstroom-child-jvm-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <jvmArgs> <mainClass> <mainArgs>} in {@code workDir}, behind an
     * {@link OrphanGuard} that ends the child when this JVM is gone.
     *
     * @param classPath class path, handed over via the CLASSPATH variable (no length limit on the
     *                  command line, and {@code ps} stays readable); the guard's own jar is added
     */
    static ChildJvm start(String name, Path workDir, String classPath, List<String> jvmArgs, String mainClass,
                          List<String> mainArgs, Path logFile) {
        return start(name, List.of(), workDir, classPath + File.pathSeparator + guardLocation(), jvmArgs, mainClass,
                mainArgs, logFile);
    }

    /**
     * As {@link #start(String, Path, String, List, String, List, Path)}, with {@code launcher} (a
     * command that execs the rest, such as {@code setpriv} switching user) in front of java, and
     * {@code classPath} already holding {@link OrphanGuard}.
     */
    static ChildJvm start(String name, List<String> launcher, Path workDir, String classPath, List<String> jvmArgs,
                          String mainClass, List<String> mainArgs, Path logFile) {
        List<String> command = new ArrayList<>();
        // A child started from Java is no group leader, so setsid execs the rest in place: the pid stays the child's.
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(launcher);
        command.add(javaExecutable().toString());
        command.addAll(jvmArgs);
        command.add(OrphanGuard.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(mainArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // Options meant for this JVM (agents, debuggers) must not leak into the children.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put("CLASSPATH", classPath);
        try {
            Process process = builder.start();
            RUNNING.add(process);
            process.onExit().thenRun(() -> RUNNING.remove(process));
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    private static String guardLocation() {
        try {
            return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the kamerstroom-embedded classes", e);
        }
    }

    /**
     * Stops every child still running when this JVM exits: SIGTERM to all at once, so a broker
     * flushes its logs and a restart needs no recovery, then SIGKILL for whichever hangs.
     */
    private static void stopAll() {
        RUNNING.forEach(Process::destroy);
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        for (Process process : RUNNING) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /** The java executable of the running JVM: children get the same (≥ 21) runtime. */
    static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Asks the child to stop (SIGTERM, so its shutdown hooks run); kills it when it takes longer than the grace period. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: simulates a crash. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the child's log, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Ends a start that failed: kills the child (a half-started broker would hold its port and
     * data directory) and returns the failure, with the child's state and the tail of its log.
     */
    IllegalStateException failStart(String what) {
        String state = process.isAlive() ? "was still running, killed" : "exited with code " + process.exitValue();
        kill();
        return new IllegalStateException(what + " (" + name + " " + state + "; log " + logFile + "):"
                + System.lineSeparator() + logTail(40));
    }
}
