package nl.kamerstroom.enrich.errors;

import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A document on which a processor throws (in practice the extractor) goes to the dead-letter
 * topic as its original bytes, taken from the source record, and Streams continues with the
 * next one. Its id is not remembered as seen, so it can be replayed once the cause is fixed.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterPublisher.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetter letter = new DeadLetter(DeadLetter.PROCESS, context.topic(), context.partition(), context.offset(),
                String.valueOf(context.taskId()), context.processorNodeId(), context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), exception);
        return publisher.publish(letter) ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}
