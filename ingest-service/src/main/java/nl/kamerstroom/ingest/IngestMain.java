package nl.kamerstroom.ingest;

import java.util.List;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.ServiceRunner;
import nl.kamerstroom.ingest.config.IngestConfig;

/** Runs ingest-service until the JVM is asked to stop. Settings: see {@link IngestConfig}. */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            IngestConfig config = IngestConfig.from(Settings.fromEnvironment());
            ServiceRunner.runUntilShutdown(List.of(new IngestService(config)));
        } catch (ConfigException e) { // also raised at start-up, e.g. WORK_DIR on another file system
            System.err.println("ingest-service: " + e.getMessage());
            System.exit(2);
        }
    }
}
