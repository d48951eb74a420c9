package nl.kamerstroom.launcher.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DlqReplayCommandTest {

    @Test
    void aReplayedLetterKeepsItsOriginalHeadersButNotTheErrorHeaders() {
        RecordHeaders letter = new RecordHeaders();
        letter.add("traceparent", bytes("00-abc-def-01"));
        letter.add("__connect.errors.topic", bytes("documents.ingested"));
        letter.add("__connect.errors.exception.message", bytes("too large"));
        letter.add("kamerstroom.errors.stage", bytes("produce"));

        var replayed = DlqReplayCommand.originalHeaders(letter);

        assertThat(replayed.toArray()).extracting(Header::key).containsExactly("traceparent");
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
