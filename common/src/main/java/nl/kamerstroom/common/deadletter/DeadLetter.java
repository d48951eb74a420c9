package nl.kamerstroom.common.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record a service could not process, as it goes to a dead-letter topic ({@code documents.dlq},
 * {@code documents.index.dlq}): the original key and value bytes and headers, plus headers saying
 * where it came from and what went wrong. Header names follow Kafka Connect's dead-letter queue
 * where one fits, so existing DLQ tooling reads them; the rest carry the {@code kamerstroom.errors.}
 * prefix. Values are UTF-8. Shared by every service, so one tool reads every dead-letter topic.
 *
 * @param stage     which step failed: {@link #DESERIALIZE}, {@link #PROCESS}, {@link #PRODUCE},
 *                  {@link #SERIALIZE} (a Kafka Streams topology), {@link #INDEX} (a store)
 * @param partition source partition, -1 when unknown; {@code offset} likewise
 * @param taskId    the Streams task (Connect's task id header), null when unknown
 * @param processor the topology node that failed, null when unknown
 * @param droppedValueBytes the size of a value left out because it was too large to write again, else -1
 */
public record DeadLetter(String stage, String topic, int partition, long offset, String taskId, String processor,
                         byte[] key, byte[] value, Headers originalHeaders, Exception error, int droppedValueBytes) {

    public static final String DESERIALIZE = "deserialize";
    public static final String PROCESS = "process";
    public static final String PRODUCE = "produce";
    public static final String SERIALIZE = "serialize";
    /** Every stage of a Kafka Streams topology a dead letter can come from. */
    public static final List<String> STAGES = List.of(DESERIALIZE, PROCESS, PRODUCE, SERIALIZE);
    /** A store (the Lucene index) refused the record. */
    public static final String INDEX = "index";

    public static final String HEADER_TOPIC = "__connect.errors.topic";
    public static final String HEADER_PARTITION = "__connect.errors.partition";
    public static final String HEADER_OFFSET = "__connect.errors.offset";
    public static final String HEADER_TASK_ID = "__connect.errors.task.id";
    public static final String HEADER_EXCEPTION_CLASS = "__connect.errors.exception.class.name";
    public static final String HEADER_EXCEPTION_MESSAGE = "__connect.errors.exception.message";
    public static final String HEADER_EXCEPTION_STACKTRACE = "__connect.errors.exception.stacktrace";
    public static final String HEADER_SERVICE = "kamerstroom.errors.service";
    public static final String HEADER_INSTANCE = "kamerstroom.errors.instance";
    public static final String HEADER_STAGE = "kamerstroom.errors.stage";
    public static final String HEADER_PROCESSOR = "kamerstroom.errors.processor";
    public static final String HEADER_VALUE_DROPPED = "kamerstroom.errors.value.dropped.bytes";

    /** Stack traces of deep call chains can be long; the head says what matters. */
    static final int MAX_STACKTRACE_CHARS = 16 * 1024;

    public DeadLetter(String stage, String topic, int partition, long offset, String taskId, String processor,
                      byte[] key, byte[] value, Headers originalHeaders, Exception error) {
        this(stage, topic, partition, offset, taskId, processor, key, value, originalHeaders, error, -1);
    }

    /**
     * This dead letter without its value, for a value larger than the dead-letter topic takes
     * (a record can be over the limit uncompressed and under it compressed). The value stays
     * readable in the source topic, at the offset the headers name, until its retention ends.
     */
    public DeadLetter withoutValue() {
        return new DeadLetter(stage, topic, partition, offset, taskId, processor, key, null, originalHeaders, error,
                value == null ? -1 : value.length);
    }

    public ProducerRecord<byte[], byte[]> toRecord(String deadLetterTopic, String service, String instance) {
        return new ProducerRecord<>(deadLetterTopic, null, key, value, headers(service, instance));
    }

    /**
     * The original headers (minus the error headers of an earlier failure, so a dead letter that
     * was replayed and failed again says only why it failed this time) and the error headers.
     */
    public Headers headers(String service, String instance) {
        Headers headers = new RecordHeaders();
        if (originalHeaders != null) {
            for (Header header : originalHeaders) {
                if (!header.key().startsWith("__connect.errors.") && !header.key().startsWith("kamerstroom.errors.")) {
                    headers.add(header);
                }
            }
        }
        add(headers, HEADER_TOPIC, topic);
        if (partition >= 0) {
            add(headers, HEADER_PARTITION, Integer.toString(partition));
        }
        if (offset >= 0) {
            add(headers, HEADER_OFFSET, Long.toString(offset));
        }
        add(headers, HEADER_TASK_ID, taskId);
        add(headers, HEADER_EXCEPTION_CLASS, error.getClass().getName());
        add(headers, HEADER_EXCEPTION_MESSAGE, error.getMessage());
        add(headers, HEADER_EXCEPTION_STACKTRACE, stackTrace(error));
        add(headers, HEADER_SERVICE, service);
        add(headers, HEADER_INSTANCE, instance);
        add(headers, HEADER_STAGE, stage);
        add(headers, HEADER_PROCESSOR, processor);
        if (droppedValueBytes >= 0) {
            add(headers, HEADER_VALUE_DROPPED, Integer.toString(droppedValueBytes));
        }
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() <= MAX_STACKTRACE_CHARS ? trace : trace.substring(0, MAX_STACKTRACE_CHARS);
    }
}
