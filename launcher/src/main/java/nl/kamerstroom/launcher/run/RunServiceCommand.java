package nl.kamerstroom.launcher.run;

import java.util.List;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.common.lifecycle.ServiceRunner;

/**
 * Runs one service against an external broker and registry until SIGTERM, configured only by
 * environment variables: how docker-compose runs the services, and how they scale out.
 */
abstract class RunServiceCommand implements Callable<Integer> {

    /** The service, built from its settings. */
    abstract Service create(Settings settings);

    @Override
    public Integer call() throws Exception {
        ServiceRunner.runUntilShutdown(List.of(create(Settings.fromEnvironment())));
        return 0;
    }
}
