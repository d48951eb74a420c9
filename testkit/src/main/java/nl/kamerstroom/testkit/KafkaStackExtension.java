package nl.kamerstroom.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Resolves {@link KafkaStack} parameters with one stack per test JVM, started when a test first
 * asks for it and closed when the test run ends (it lives in the root context's store).
 *
 * <p>Which stack: the embedded one (a broker and an in-memory Apicurio Registry as child JVMs),
 * unless system property or environment variable {@value #SELECTOR} is {@code containers} and a
 * Docker engine answers; then Apache Kafka and Confluent Schema Registry containers.
 */
public final class KafkaStackExtension implements ParameterResolver {

    public static final String SELECTOR = "KAMERSTROOM_TEST_STACK";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaStackExtension.class);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaStack.class;
    }

    @Override
    public KafkaStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KafkaStack.class, key -> startStack(), KafkaStack.class);
    }

    private static KafkaStack startStack() {
        if (containersWanted()) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return new ContainerKafkaStack().start();
            }
            LOG.warn("{}=containers but no Docker engine answers: using the embedded stack", SELECTOR);
        }
        return EmbeddedKafkaStack.start();
    }

    private static boolean containersWanted() {
        String choice = System.getProperty(SELECTOR, System.getenv(SELECTOR));
        return "containers".equalsIgnoreCase(choice);
    }
}
