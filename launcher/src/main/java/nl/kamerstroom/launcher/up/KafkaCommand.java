package nl.kamerstroom.launcher.up;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.StartFailure;
import nl.kamerstroom.embedded.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Runs only the Kafka broker and schema registry of `up` (child processes, same data folder "
                + "and ports), so that the services can run as separate processes: "
                + "bin/kamerstroom ingest|enrich|index, an IDE, several instances of each. Ctrl-C stops both."})
public final class KafkaCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions broker;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        broker.addTo(overrides);
        UpConfig config = UpConfig.from(Settings.fromEnvironment().with(overrides));
        try (LocalStack kafka = SingleMachineStack.kafkaOf(config)) {
            try {
                kafka.start();
            } catch (RuntimeException e) {
                throw new StartFailure("kafka", e);
            }
            OrderlyShutdown shutdown = OrderlyShutdown.onSignals();
            printReady(kafka, config, spec.commandLine().getOut());
            shutdown.await();
        }
        return 0;
    }

    private static void printReady(LocalStack kafka, UpConfig config, PrintWriter out) {
        out.printf("%nKafka is up (data in %s)%n", config.data());
        out.printf("  Kafka bootstrap      %s%n", kafka.bootstrapServers());
        out.printf("  Schema registry      %s%n", kafka.schemaRegistryUrl());
        out.printf("Run a service against it:%n  KAFKA_BOOTSTRAP_SERVERS=%s SCHEMA_REGISTRY_URL=%s bin/kamerstroom enrich%n",
                kafka.bootstrapServers(), kafka.schemaRegistryUrl());
        out.printf("Press Ctrl-C to stop.%n%n");
        out.flush();
    }
}
