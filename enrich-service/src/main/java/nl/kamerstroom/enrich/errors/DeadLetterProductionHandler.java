package nl.kamerstroom.enrich.errors;

import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * An output that cannot be written (larger than MAX_RECORD_BYTES, or not serialisable, e.g.
 * an amount beyond the decimal's precision) sends its input document to the dead-letter
 * topic; Streams continues. Retriable errors (a broker briefly away) are retried, as by default, and
 * a registry that cannot answer fails the thread so the task is redone ({@link RegistryOutage}).
 *
 * <p>The dead letter holds the source record's bytes. Streams frees them once a record has
 * been handed to the producer, so for errors the producer reports it holds the output bytes
 * that could not be written instead.
 *
 * <p>Under exactly-once, an error the producer reports (rather than the serializer) has
 * already doomed the transaction in Kafka 4.1: it aborts and the task reprocesses its records.
 * That is why the enrich processor serialises and size-checks documents itself ({@code EnrichedEncoder}).
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterPublisher.from(configs);
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandlerResponse.RETRY;
        }
        byte[] key = context.sourceRawKey() != null ? context.sourceRawKey() : record.key();
        byte[] value = context.sourceRawValue() != null ? context.sourceRawValue() : record.value();
        return send(DeadLetter.PRODUCE, context, key, value, exception);
    }

    @Override
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                                                                           ProducerRecord record, Exception exception,
                                                                           SerializationExceptionOrigin origin) {
        if (RegistryOutage.waitedOut(exception)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        // A value over the size limit is refused by its serializer: a production failure.
        String stage = exception instanceof RecordTooLargeException ? DeadLetter.PRODUCE : DeadLetter.SERIALIZE;
        return send(stage, context, context.sourceRawKey(), context.sourceRawValue(), exception);
    }

    private ProductionExceptionHandlerResponse send(String stage, ErrorHandlerContext context, byte[] key,
                                                    byte[] value, Exception exception) {
        DeadLetter letter = new DeadLetter(stage, context.topic(), context.partition(), context.offset(),
                String.valueOf(context.taskId()), context.processorNodeId(), key, value, context.headers(), exception);
        return publisher.publish(letter) ? ProductionExceptionHandlerResponse.CONTINUE
                : ProductionExceptionHandlerResponse.FAIL;
    }
}
