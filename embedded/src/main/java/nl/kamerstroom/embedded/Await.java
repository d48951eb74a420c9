package nl.kamerstroom.embedded;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until a child is ready, failing early when the child has died. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(200);

    private Await() {
    }

    /** Waits until {@code ready} is true; on exit, timeout or interrupt the child is killed and the failure (with its log tail) thrown. */
    static void until(ChildJvm child, Duration timeout, String what, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!child.isAlive()) {
                throw child.failStart(what + " failed: the process exited");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw child.failStart(what + " timed out after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw child.failStart(what + " interrupted");
            }
        }
    }

    /** Whether something accepts TCP connections on the loopback port (cheap, and logs nothing). */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
