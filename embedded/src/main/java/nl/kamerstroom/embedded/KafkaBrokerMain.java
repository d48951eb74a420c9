package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.utils.Exit;

/**
 * Main class of the broker's child JVM: formats the KRaft storage unless it already is, then runs
 * {@code kafka.Kafka}. Both steps in one JVM save a second JVM start (about a second of CPU).
 * An existing log directory is never formatted again: that keeps every topic and record, and its
 * cluster id (the storage tool refuses another id even with {@code --ignore-formatted}).
 *
 * <p>Arguments: {@code <server.properties> <cluster id>}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KafkaBrokerMain <server.properties> <cluster-id>");
        }
        if (!formatted(args[0])) {
            format(args[0], args[1]);
        }
        invokeMain("kafka.Kafka", args[0]);
    }

    private static boolean formatted(String serverProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(serverProperties))) {
            properties.load(in);
        }
        return Files.exists(Path.of(properties.getProperty("log.dirs"), "meta.properties"));
    }

    /**
     * Runs the storage tool's format command. The tool ends with {@code Exit.exit}, which is turned
     * into an exception here so the JVM goes on to start the broker; afterwards exits are real again.
     */
    private static void format(String serverProperties, String clusterId) throws Exception {
        Exit.setExitProcedure((status, message) -> {
            throw new ToolExit(status, message);
        });
        try {
            invokeMain("kafka.tools.StorageTool", "format",
                    "--cluster-id", clusterId, "--config", serverProperties);
        } catch (ToolExit exit) {
            if (exit.status != 0) {
                throw new IllegalStateException("Formatting the KRaft storage failed with status " + exit.status
                        + (exit.getMessage() == null ? "" : ": " + exit.getMessage()));
            }
        } finally {
            // Not Exit.resetExitProcedure(): that installs a procedure which throws, for tests.
            Exit.setExitProcedure((status, message) -> System.exit(status));
        }
    }

    private static void invokeMain(String className, String... args) throws Exception {
        Method main = Class.forName(className).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static final class ToolExit extends RuntimeException {
        private final int status;

        ToolExit(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
