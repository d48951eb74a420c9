package nl.kamerstroom.launcher.up;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns Ctrl-C and SIGTERM into one ordered stop: services first, then the registry, then the
 * broker, so the services' last commits still reach a running broker.
 *
 * <p>Why signals and not a shutdown hook: shutdown hooks run concurrently in no fixed order, and
 * the embedded module registers its own hook that stops every child JVM at once (so that nothing
 * outlives a crashed test run): the broker would go down while the services still commit.
 * Handling the signal ourselves runs the ordered stop before the JVM begins to shut down; a
 * second signal while stopping exits at once.
 */
final class OrderlyShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(OrderlyShutdown.class);

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private OrderlyShutdown() {
    }

    /** Installs handlers for INT and TERM; {@link #await()} returns once one arrives. */
    static OrderlyShutdown onSignals() {
        OrderlyShutdown shutdown = new OrderlyShutdown();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> shutdown.requested(signal.getName()));
        }
        return shutdown;
    }

    void await() throws InterruptedException {
        stopRequested.await();
    }

    private void requested(String signal) {
        if (stopRequested.getCount() == 0) {
            LOG.warn("SIG{} again: exiting now", signal);
            System.exit(130);
        }
        LOG.info("SIG{} received: stopping", signal);
        stopRequested.countDown();
    }
}
