package nl.kamerstroom.common.lifecycle;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs services until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes them in
 * reverse order of start.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    public static void runUntilShutdown(List<? extends Service> services) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            for (int i = services.size() - 1; i >= 0; i--) {
                try {
                    services.get(i).close();
                } catch (RuntimeException e) {
                    LOG.warn("Error while stopping {}", services.get(i).name(), e);
                }
            }
            stopped.countDown();
        }, "shutdown"));
        for (Service service : services) {
            service.start();
        }
        stopped.await();
    }
}
