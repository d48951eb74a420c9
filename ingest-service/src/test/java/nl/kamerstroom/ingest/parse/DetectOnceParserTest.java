package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;

class DetectOnceParserTest {

    private static final byte[] TEXT = "De Tweede Kamer vergadert.".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger detections = new AtomicInteger();
    private final Detector countingDetector = (in, metadata) -> {
        detections.incrementAndGet();
        return MediaType.TEXT_PLAIN;
    };
    private final DetectOnceParser parser = new DetectOnceParser(countingDetector, new TXTParser());

    @Test
    void aSettledTypeIsTakenWithoutDetectingAgainAndLeavesNoTraceInTheMetadata() throws Exception {
        Metadata metadata = new Metadata();
        DetectOnceParser.settle(metadata, MediaType.TEXT_PLAIN);

        String text = parse(metadata);

        assertThat(detections).hasValue(0);
        assertThat(text).contains("De Tweede Kamer vergadert.");
        assertThat(metadata.get(Metadata.CONTENT_TYPE)).startsWith("text/plain");
        assertThat(metadata.names()).noneMatch(name -> name.startsWith("X-Kamerstroom"));
    }

    @Test
    void withoutASettledTypeTheDetectorRunsAsBefore() throws Exception {
        String text = parse(new Metadata());

        assertThat(detections).hasValue(1);
        assertThat(text).contains("De Tweede Kamer vergadert.");
    }

    @Test
    void theParsersByTypeAreBuiltOnceAndStillNameEveryType() {
        ParseContext context = new ParseContext();

        assertThat(parser.getParsers(context)).isSameAs(parser.getParsers(new ParseContext()))
                .containsKey(MediaType.TEXT_PLAIN);
    }

    private String parse(Metadata metadata) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        parser.parse(new ByteArrayInputStream(TEXT), handler, metadata, new ParseContext());
        return handler.toString();
    }
}
