package nl.kamerstroom.testkit;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import nl.kamerstroom.embedded.KafkaBroker;
import nl.kamerstroom.embedded.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ephemeral broker and an in-memory registry as child JVMs on free ports. They start at the
 * same time (the in-memory registry does not need the broker), which saves the shorter of the two
 * start-up times.
 */
final class EmbeddedKafkaStack implements KafkaStack, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaStack.class);

    private final KafkaBroker broker;
    private final SchemaRegistryServer registry;
    private final Admin admin;

    private EmbeddedKafkaStack(KafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    static EmbeddedKafkaStack start() {
        long started = System.nanoTime();
        KafkaBroker broker = KafkaBroker.builder().build();
        SchemaRegistryServer registry = SchemaRegistryServer.builder().build();
        try (ExecutorService starter = Executors.newFixedThreadPool(2)) {
            Future<KafkaBroker> brokerUp = starter.submit(broker::start);
            Future<SchemaRegistryServer> registryUp = starter.submit(registry::start);
            await(brokerUp, registryUp);
        } catch (RuntimeException e) {
            registry.close();
            broker.close();
            throw e;
        }
        LOG.info("Embedded Kafka stack ready in {} ms: {} and {}", (System.nanoTime() - started) / 1_000_000,
                broker.bootstrapServers(), registry.url());
        return new EmbeddedKafkaStack(broker, registry);
    }

    /** Waits for both starts; the first failure is thrown with the other one attached as suppressed. */
    private static void await(Future<?>... starts) {
        RuntimeException failure = null;
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the embedded Kafka stack", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return registry.url();
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
        registry.close();
        broker.close();
    }

    @Override
    public String toString() {
        return "embedded Kafka stack " + bootstrapServers() + " + " + schemaRegistryUrl();
    }
}
