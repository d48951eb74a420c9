package nl.kamerstroom.enrich.errors;

import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record whose key or value cannot be read goes to the dead-letter topic as it was; Streams continues.
 * A registry that cannot answer is no fault of the record ({@link RegistryOutage}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterPublisher.from(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        if (RegistryOutage.waitedOut(exception)) {
            return DeserializationHandlerResponse.FAIL;
        }
        DeadLetter letter = new DeadLetter(DeadLetter.DESERIALIZE, record.topic(), record.partition(),
                record.offset(), String.valueOf(context.taskId()), context.processorNodeId(), record.key(),
                record.value(), record.headers(), exception);
        return publisher.publish(letter) ? DeserializationHandlerResponse.CONTINUE
                : DeserializationHandlerResponse.FAIL;
    }
}
