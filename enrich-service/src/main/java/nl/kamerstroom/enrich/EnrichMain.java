package nl.kamerstroom.enrich;

import nl.kamerstroom.common.lifecycle.ServiceRunner;

/** Runs the enrich-service until the JVM is asked to stop. Settings: {@link EnrichConfig#SETTINGS}. */
public final class EnrichMain {

    private EnrichMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceRunner.runFromEnvironment("enrich-service", settings -> new EnrichService(EnrichConfig.from(settings)));
    }
}
