package nl.kamerstroom.ingest;

import nl.kamerstroom.common.lifecycle.ServiceRunner;
import nl.kamerstroom.ingest.config.IngestConfig;

/** Runs ingest-service until the JVM is asked to stop. Settings: see {@link IngestConfig}. */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceRunner.runFromEnvironment("ingest-service", settings -> new IngestService(IngestConfig.from(settings)));
    }
}
