package nl.kamerstroom.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@WithKafkaStack
class EmbeddedStackIT extends StackChecks {

    private final KafkaStack stack;

    EmbeddedStackIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Override
    KafkaStack stack() {
        return stack;
    }

    @Test
    void theStackIsSharedByTheWholeTestRun(KafkaStack parameter) {
        assertThat(parameter).isSameAs(stack);
        assertThat(stack.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(stack.schemaRegistryUrl()).endsWith("/apis/ccompat/v7");
    }
}
