package nl.kamerstroom.index;

import java.util.List;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.ServiceRunner;

/** Runs the index-service until Ctrl-C or SIGTERM; configured from environment variables (see {@link IndexConfig}). */
public final class IndexMain {

    private IndexMain() {
    }

    public static void main(String[] args) throws Exception {
        IndexConfig config;
        try {
            config = IndexConfig.from(Settings.fromEnvironment());
        } catch (ConfigException e) {
            System.err.println("index-service: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServiceRunner.runUntilShutdown(List.of(new IndexService(config)));
    }
}
