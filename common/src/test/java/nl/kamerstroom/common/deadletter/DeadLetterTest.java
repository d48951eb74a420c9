package nl.kamerstroom.common.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final byte[] KEY = "doc-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {0, 0, 0, 0, 7, 1, 2};

    @Test
    void carriesTheOriginalBytesAndSaysWhereTheRecordCameFromAndWhatFailedUnderConnectsHeaderNames() {
        DeadLetter letter = new DeadLetter(DeadLetter.DESERIALIZE, "documents.enriched", 2, 17, "0_2",
                "read-enriched-documents", KEY, VALUE, original(), new IllegalArgumentException("Unknown magic byte"));

        ProducerRecord<byte[], byte[]> record = letter.toRecord("documents.dlq", "index", "host-1");

        assertThat(record.topic()).isEqualTo("documents.dlq");
        assertThat(record.partition()).isNull();
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.value()).isEqualTo(VALUE);
        Headers headers = record.headers();
        assertThat(header(headers, "__connect.errors.topic")).isEqualTo("documents.enriched");
        assertThat(header(headers, "__connect.errors.partition")).isEqualTo("2");
        assertThat(header(headers, "__connect.errors.offset")).isEqualTo("17");
        assertThat(header(headers, "__connect.errors.task.id")).isEqualTo("0_2");
        assertThat(header(headers, "__connect.errors.exception.class.name"))
                .isEqualTo("java.lang.IllegalArgumentException");
        assertThat(header(headers, "__connect.errors.exception.message")).isEqualTo("Unknown magic byte");
        assertThat(header(headers, "__connect.errors.exception.stacktrace"))
                .startsWith("java.lang.IllegalArgumentException: Unknown magic byte");
        assertThat(header(headers, "kamerstroom.errors.service")).isEqualTo("index");
        assertThat(header(headers, "kamerstroom.errors.instance")).isEqualTo("host-1");
        assertThat(header(headers, "kamerstroom.errors.stage")).isEqualTo("deserialize");
        assertThat(header(headers, "kamerstroom.errors.processor")).isEqualTo("read-enriched-documents");
        assertThat(header(headers, "trace-id")).isEqualTo("abc");
    }

    @Test
    void aReplayedRecordThatFailsAgainCarriesOnlyTheNewErrorHeaders() {
        Headers replayed = original();
        replayed.add("__connect.errors.exception.message", "old failure".getBytes(StandardCharsets.UTF_8));
        replayed.add("kamerstroom.errors.stage", "process".getBytes(StandardCharsets.UTF_8));

        Headers headers = new DeadLetter(DeadLetter.INDEX, "documents.index", 0, 3, null, null, KEY, VALUE, replayed,
                new IllegalStateException("immense term")).headers("index", "replica-2");

        assertThat(headers.headers("__connect.errors.exception.message")).hasSize(1);
        assertThat(header(headers, "__connect.errors.exception.message")).isEqualTo("immense term");
        assertThat(header(headers, "kamerstroom.errors.stage")).isEqualTo("index");
        assertThat(headers.lastHeader("__connect.errors.task.id")).isNull();
        assertThat(headers.lastHeader("kamerstroom.errors.processor")).isNull();
    }

    @Test
    void unknownCoordinatesAreLeftOutAndLongStackTracesCut() {
        Exception deep = new IllegalStateException("deep");
        StackTraceElement[] frames = new StackTraceElement[5_000];
        Arrays.fill(frames, new StackTraceElement("a.B", "c", "B.java", 1));
        deep.setStackTrace(frames);

        Headers headers = new DeadLetter(DeadLetter.DESERIALIZE, "documents.index", -1, -1, null, null, null, null,
                null, deep).headers("index", "replica-1");

        assertThat(headers.lastHeader("__connect.errors.partition")).isNull();
        assertThat(headers.lastHeader("__connect.errors.offset")).isNull();
        assertThat(header(headers, "__connect.errors.exception.stacktrace")).hasSize(DeadLetter.MAX_STACKTRACE_CHARS);
    }

    private static Headers original() {
        return new RecordHeaders().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
