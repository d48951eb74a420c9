package nl.kamerstroom.common.lifecycle;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs services until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes them in
 * reverse order of start. A service that cannot start ends the run: every service is closed
 * (a half-started one included, so none of its threads keeps the JVM alive without a health
 * endpoint) and a {@link StartFailure} says why.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /**
     * The body of every service's {@code main}: builds the service from the environment and
     * runs it. A configuration error ends the JVM with one clear line and exit code 2, a failed
     * start with one line and exit code 1.
     */
    public static void runFromEnvironment(String serviceName, Function<Settings, ? extends Service> factory)
            throws InterruptedException {
        try {
            runUntilShutdown(List.of(factory.apply(Settings.fromEnvironment())));
        } catch (ConfigException e) {
            System.err.println(serviceName + ": " + e.getMessage());
            System.exit(2);
        } catch (StartFailure e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Starts the services in order and returns once the JVM is asked to stop and all are closed. */
    public static void runUntilShutdown(List<? extends Service> services) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            LOG.info("Shutting down");
            closeAll(services);
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        for (Service service : services) {
            try {
                service.start();
            } catch (Exception | Error e) {
                LOG.debug("{} failed to start", service.name(), e);
                removeHook(shutdown);
                closeAll(services);
                throw new StartFailure(service.name(), e);
            }
        }
        stopped.await();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // A stop was asked while starting: the hook is closing the services too, which is harmless.
        }
    }

    /** Closes every service, last first; closing one that never started, or twice, does nothing. */
    private static void closeAll(List<? extends Service> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (RuntimeException e) {
                LOG.warn("Error while stopping {}", services.get(i).name(), e);
            }
        }
    }
}
