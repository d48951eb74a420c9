package nl.kamerstroom.index.web;

import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.KafkaStackExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link SamplePipeline} parameters: one pipeline per test JVM on the shared test
 * stack, started when a test first asks for it and closed at the end of the run (before the
 * stack, which the root store closes after it because it was stored first).
 */
public final class SamplePipelineExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SamplePipelineExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SamplePipeline.class;
    }

    @Override
    public SamplePipeline resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaStack stack = new KafkaStackExtension().resolveParameter(parameter, context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SamplePipeline.class, key -> {
            try {
                return SamplePipeline.start(stack);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the sample pipeline", e);
            }
        }, SamplePipeline.class);
    }
}
