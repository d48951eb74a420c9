package nl.kamerstroom.enrich.errors;

import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A document on which a processor throws goes to the dead-letter topic as its original bytes,
 * taken from the source record, and Streams continues with the next one. The enrich processor
 * serialises and size-checks its output itself, so the stage names what failed: a
 * {@link RecordTooLargeException} is {@code produce}, a {@link SerializationException}
 * {@code serialize}, anything else (the extractor) {@code process}. A retriable error (the
 * registry unreachable) is not the document's fault: FAIL, so the thread is replaced and the
 * document retried from the last commit. Nothing of a dead-lettered document was emitted, so
 * a replay once the cause is fixed goes through.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterPublisher.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof RetriableException || RegistryOutage.waitedOut(exception)) {
            return ProcessingHandlerResponse.FAIL;
        }
        String stage = exception instanceof RecordTooLargeException ? DeadLetter.PRODUCE
                : exception instanceof SerializationException ? DeadLetter.SERIALIZE : DeadLetter.PROCESS;
        DeadLetter letter = new DeadLetter(stage, context.topic(), context.partition(), context.offset(),
                String.valueOf(context.taskId()), context.processorNodeId(), context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), exception);
        return publisher.publish(letter) ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}
