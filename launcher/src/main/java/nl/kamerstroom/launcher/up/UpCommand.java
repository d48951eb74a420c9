package nl.kamerstroom.launcher.up;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.index.IndexStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on this machine: a Kafka broker and schema registry (child processes), "
                + "and the ingest-, enrich- and index-service in this process. Ctrl-C stops everything; "
                + "starting again on the same data folder resumes where it stopped.",
                "Every option has an environment variable; other service settings (see `kamerstroom settings`) "
                        + "are read from the environment too."})
public final class UpCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions broker;

    @Option(names = "--inbox", paramLabel = "DIR", description = "Folder to drop documents into (env KAMERSTROOM_INBOX, default <data>/inbox).")
    String inbox;

    @Option(names = "--done", paramLabel = "DIR", description = "Where ingested documents go (env KAMERSTROOM_DONE, default <data>/done).")
    String done;

    @Option(names = "--failed", paramLabel = "DIR", description = "Where unreadable documents go (env KAMERSTROOM_FAILED, default <data>/failed).")
    String failed;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Search API and web page (env KAMERSTROOM_HTTP_PORT, default 8080; 0 = free port).")
    String httpPort;

    @Option(names = "--store", paramLabel = "STORE", description = "Search store: lucene or opensearch (env INDEX_STORE, default lucene); "
            + "opensearch without OPENSEARCH_URL starts a local OpenSearch node.")
    String store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings environment = Settings.fromEnvironment().with(overrides());
        UpConfig config = UpConfig.from(environment);
        try (SingleMachineStack stack = SingleMachineStack.start(config, environment)) {
            // Installed once running: a Ctrl-C while starting takes the JVM's usual exit, whose
            // hooks stop the broker and registry.
            OrderlyShutdown shutdown = OrderlyShutdown.onSignals();
            printReady(stack, spec.commandLine().getOut());
            shutdown.await();
        }
        return 0;
    }

    /** Options given on the command line, under the names of the environment variables they override. */
    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>();
        broker.addTo(overrides);
        BrokerOptions.put(overrides, UpConfig.INBOX, inbox);
        BrokerOptions.put(overrides, UpConfig.DONE, done);
        BrokerOptions.put(overrides, UpConfig.FAILED, failed);
        BrokerOptions.put(overrides, UpConfig.HTTP_PORT, httpPort);
        BrokerOptions.put(overrides, IndexStore.SETTING, store);
        return overrides;
    }

    static void printReady(SingleMachineStack stack, PrintWriter out) {
        UpConfig config = stack.config();
        out.printf("%nKamerstroom is up (started in %.1f s, data in %s)%n", stack.startMillis() / 1000.0, config.data());
        out.printf("  Drop documents into  %s%n", config.inbox());
        out.printf("  Processed files go   %s (unreadable: %s)%n", config.done(), config.failed());
        out.printf("  Search               %s   (API %sapi/search?q=..., health %sapi/health)%n",
                stack.searchUrl(), stack.searchUrl(), stack.searchUrl());
        out.printf("  Kafka bootstrap      %s%n", stack.bootstrapServers());
        out.printf("  Schema registry      %s%n", stack.registryUrl());
        stack.metricsUrls().forEach((service, url) -> out.printf("  Metrics %-12s %s%n", service, url));
        out.printf("Press Ctrl-C to stop.%n%n");
        out.flush();
    }
}
