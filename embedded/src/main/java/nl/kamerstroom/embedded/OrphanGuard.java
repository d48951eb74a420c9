package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;

/**
 * Main class that every child JVM starts with: it runs the real main class, and exits the child
 * (normally, so the child's own shutdown hooks still run) as soon as the parent process is gone.
 *
 * <p>The parent's shutdown hook already kills its children, but a parent killed with SIGKILL (a
 * test fork killed on timeout, a launcher killed by the OS) runs no hooks; without this guard its
 * broker and registry would keep running, holding ports and half a gigabyte each.
 *
 * <p>Arguments: {@code <parent pid> <main class> <main args...>}. Needs nothing beyond the JDK, so
 * it can be put in front of any class path (the registry runs with only Quarkus' launcher jar).
 */
public final class OrphanGuard {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(OrphanGuard::exit),
                OrphanGuard::exit);
        try {
            Method main = Class.forName(args[1]).getMethod("main", String[].class);
            // OpenSearch's main class is package-private.
            main.setAccessible(true);
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Exits normally, or halts after a grace period: a graceful shutdown can hang when its peer is
     * gone too (the registry waits for the vanished broker when both lose their parent at once).
     * OpenSearch's policy agent forbids {@code System.exit} and {@code Runtime.halt} to any class
     * but its own; there a signal from outside does the same (SIGTERM runs its shutdown hooks).
     */
    private static void exit() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().halt(1);
            } catch (SecurityException e) {
                signalSelf("KILL");
            }
        }, "orphan-guard-halt");
        halt.setDaemon(true);
        halt.start();
        try {
            System.exit(0);
        } catch (SecurityException e) {
            signalSelf("TERM");
        }
    }

    private static void signalSelf(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid())).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send SIG" + signal + " to this orphaned process", e);
        }
    }
}
