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
 * reverse order of start.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /**
     * The body of every service's {@code main}: builds the service from the environment and
     * runs it; a configuration error ends the JVM with one clear line and exit code 2.
     */
    public static void runFromEnvironment(String serviceName, Function<Settings, ? extends Service> factory)
            throws Exception {
        try {
            runUntilShutdown(List.of(factory.apply(Settings.fromEnvironment())));
        } catch (ConfigException e) {
            System.err.println(serviceName + ": " + e.getMessage());
            System.exit(2);
        }
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
