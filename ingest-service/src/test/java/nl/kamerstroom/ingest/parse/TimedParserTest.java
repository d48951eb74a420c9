package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abandoned parses: interrupted, and when they cannot be, bounded in number with claiming paused. */
class TimedParserTest {

    @TempDir
    Path dir;

    /** Spins on files named endless*, ignoring interrupts, until the test lets go; reads anything else at once. */
    private final AtomicBoolean letGo = new AtomicBoolean();
    private final DocumentParser endlessOnRequest = new DocumentParser() {
        @Override
        public Extraction extract(Source source) {
            while (source.fileName().startsWith("endless") && !letGo.get()) {
                Thread.onSpinWait();
            }
            return new Extraction("tekst", false, "text/plain", null, null, null, null, null, null, false, Map.of());
        }

        @Override
        public String detect(Source source) {
            return "text/plain";
        }
    };

    @Test
    void parsesThatNeverEndHoldAtMostTheirShareOfThreadsAndPauseClaiming() throws Exception {
        Semaphore freed = new Semaphore(0);
        try (TimedParser parser = new TimedParser(endlessOnRequest, Duration.ofMillis(50), 1, 2, freed::release)) {
            for (int i = 0; i < 2; i++) {
                Source endless = source("endless-" + i + ".txt");
                assertThatThrownBy(() -> parser.parse(endless)).isInstanceOf(ParseFailedException.class)
                        .hasMessageContaining("PARSE_TIMEOUT");
            }

            assertThat(parser.abandoned()).isEqualTo(2);
            assertThat(parser.stillRunning()).isEqualTo(2);
            assertThat(parser.saturated()).as("claiming paused").isTrue();
            assertThat(parser.parse(source("gewoon.txt")).text()).as("the parse thread of its own still works")
                    .isEqualTo("tekst");
            assertThat(parser.threadCount()).isLessThanOrEqualTo(3);

            letGo.set(true);
            assertThat(freed.tryAcquire(2, 30, TimeUnit.SECONDS)).as("both stuck parses ended").isTrue();
            assertThat(parser.stillRunning()).isZero();
            assertThat(parser.saturated()).isFalse();
        } finally {
            letGo.set(true);
        }
    }

    @Test
    void aParseThatListensIsInterruptedAndGivesItsThreadBack() throws Exception {
        CountDownLatch freed = new CountDownLatch(1);
        DocumentParser sleeper = new DocumentParser() {
            @Override
            public Extraction extract(Source source) throws Exception {
                Thread.sleep(Duration.ofMinutes(10));
                throw new AssertionError("not interrupted");
            }

            @Override
            public String detect(Source source) {
                return "text/plain";
            }
        };
        try (TimedParser parser = new TimedParser(sleeper, Duration.ofMillis(50), 1, 1, freed::countDown)) {
            assertThatThrownBy(() -> parser.parse(source("traag.txt"))).isInstanceOf(ParseFailedException.class);

            assertThat(freed.await(30, TimeUnit.SECONDS)).as("the interrupted parse ended").isTrue();
            assertThat(parser.stillRunning()).isZero();
            assertThat(parser.abandoned()).isEqualTo(1);
        }
    }

    @Test
    void tikaOnAHugeTextStopsAtTheInterrupt() throws Exception {
        CountDownLatch freed = new CountDownLatch(1);
        Path huge = dir.resolve("huge.txt");
        byte[] line = "Een regel tekst uit een zeer lang verslag van de vergadering.\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(huge)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write(line);
            }
        }
        TikaExtractor tika = new TikaExtractor(100_000_000, OcrSupport.none(), Duration.ofSeconds(1),
                new LanguageGuesser());
        try (TimedParser parser = new TimedParser(tika, Duration.ofMillis(20), 1, 1, freed::countDown)) {
            assertThatThrownBy(() -> parser.parse(Source.read(huge))).isInstanceOf(ParseFailedException.class)
                    .hasMessageContaining("PARSE_TIMEOUT");

            assertThat(freed.await(30, TimeUnit.SECONDS)).as("the abandoned Tika parse stopped").isTrue();
            assertThat(parser.stillRunning()).isZero();
        }
    }

    private Source source(String name) throws Exception {
        return Source.read(Files.writeString(dir.resolve(name), "tekst"));
    }
}
