package nl.kamerstroom.index;

import nl.kamerstroom.common.lifecycle.ServiceRunner;

/** Runs the index-service until Ctrl-C or SIGTERM; configured from environment variables (see {@link IndexConfig}). */
public final class IndexMain {

    private IndexMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceRunner.runFromEnvironment("index-service", settings -> new IndexService(IndexConfig.from(settings)));
    }
}
