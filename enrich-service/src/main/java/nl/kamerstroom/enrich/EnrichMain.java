package nl.kamerstroom.enrich;

import java.util.List;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.ServiceRunner;

/** Runs the enrich-service until the JVM is asked to stop. Settings: {@link EnrichConfig#SETTINGS}. */
public final class EnrichMain {

    private EnrichMain() {
    }

    public static void main(String[] args) throws Exception {
        EnrichConfig config;
        try {
            config = EnrichConfig.from(Settings.fromEnvironment());
        } catch (ConfigException e) {
            System.err.println("enrich-service: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServiceRunner.runUntilShutdown(List.of(new EnrichService(config)));
    }
}
