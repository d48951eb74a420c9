package nl.kamerstroom.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same checks against the docker-compose images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerStackIT extends StackChecks {

    private static ContainerKafkaStack stack;

    @BeforeAll
    static void startContainers() {
        stack = new ContainerKafkaStack().start();
    }

    @AfterAll
    static void stopContainers() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    KafkaStack stack() {
        return stack;
    }
}
