package nl.kamerstroom.embedded;

import java.lang.reflect.InvocationTargetException;
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
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Exits normally, or halts after a grace period: a graceful shutdown can hang when its peer is
     * gone too (the registry waits for the vanished broker when both lose their parent at once).
     */
    private static void exit() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "orphan-guard-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
