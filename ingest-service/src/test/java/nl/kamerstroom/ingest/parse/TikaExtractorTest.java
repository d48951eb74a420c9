package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import nl.kamerstroom.ingest.testing.Fixtures;
import nl.kamerstroom.ingest.testing.HostileFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaExtractorTest {

    private static final Instant CREATED = Instant.parse("2024-03-15T10:00:00Z");
    private static final String DUTCH = "De Tweede Kamer heeft vandaag gestemd over de begroting van het ministerie "
            + "van Buitenlandse Zaken en de steun aan Oekraïne voor het komende jaar.";

    private static TimedParser parser;

    @TempDir
    Path dir;

    @BeforeAll
    static void createParser() {
        parser = new TimedParser(new TikaExtractor(100_000, OcrSupport.none(), Duration.ofSeconds(30),
                new LanguageGuesser()), Duration.ofSeconds(30), 2, 2, () -> { });
    }

    @AfterAll
    static void closeParser() {
        parser.close();
    }

    @Test
    void pdfGivesTextTitleAuthorDatesAndPages() throws Exception {
        Extraction e = parse("motie.pdf", Fixtures.pdf("Motie van het lid Jansen", "J. Jansen", DUTCH, "Tweede pagina."));

        assertThat(e.contentType()).isEqualTo("application/pdf");
        assertThat(e.text()).contains("Oekraïne").contains("Tweede pagina.");
        assertThat(e.title()).isEqualTo("Motie van het lid Jansen");
        assertThat(e.author()).isEqualTo("J. Jansen");
        assertThat(e.created()).isEqualTo(CREATED);
        assertThat(e.modified()).isEqualTo(CREATED);
        assertThat(e.pageCount()).isEqualTo(2);
        assertThat(e.language()).isEqualTo("nl");
        assertThat(e.ocrUsed()).isFalse();
        assertThat(e.truncated()).isFalse();
        // Detected once (DetectOnceParser): the hand-over to the parser leaves nothing in the event.
        assertThat(e.metadata()).containsEntry("Content-Type", "application/pdf")
                .allSatisfy((name, value) -> assertThat(name).doesNotStartWith("X-Kamerstroom"));
    }

    @Test
    void docxGivesTextAndCoreProperties() throws Exception {
        Extraction e = parse("brief.docx", Fixtures.docx("Kamerbrief over steun", "Minister", DUTCH));

        assertThat(e.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(e.text()).contains(DUTCH);
        assertThat(e.title()).isEqualTo("Kamerbrief over steun");
        assertThat(e.author()).isEqualTo("Minister");
        assertThat(e.created()).isEqualTo(CREATED);
        assertThat(e.language()).isEqualTo("nl");
    }

    @Test
    void htmlGivesBodyTextAndTitle() throws Exception {
        Extraction e = parse("pagina.html", Fixtures.html("Nieuws uit de Kamer", DUTCH));

        assertThat(e.contentType()).isEqualTo("text/html");
        assertThat(e.text()).contains(DUTCH).doesNotContain("<p>");
        assertThat(e.title()).isEqualTo("Nieuws uit de Kamer");
    }

    @Test
    void cp1252TextIsDecodedCorrectly() throws Exception {
        Extraction e = parse("oud.txt", Fixtures.text(DUTCH, Charset.forName("windows-1252")));

        assertThat(e.contentType()).isEqualTo("text/plain");
        assertThat(e.text()).contains("Oekraïne");
        assertThat(e.language()).isEqualTo("nl");
    }

    @Test
    void utf8TextAndMarkdown() throws Exception {
        assertThat(parse("notitie.txt", Fixtures.text(DUTCH, StandardCharsets.UTF_8)).text()).contains("Oekraïne");
        Extraction md = parse("LEESMIJ.md", Fixtures.text("# Kop\n\n" + DUTCH, StandardCharsets.UTF_8));
        assertThat(md.text()).contains("Oekraïne");
    }

    @Test
    void aTextFileOfCommaSeparatedLinesStaysPlainText() throws Exception {
        Extraction e = parse("stemmingen.txt", Fixtures.text("fractie,zetels,stem\n" + "VVD,24,ja\nD66,9,nee\n".repeat(10),
                StandardCharsets.UTF_8));

        assertThat(e.contentType()).as("not sniffed as CSV").isEqualTo("text/plain");
        assertThat(e.text()).contains("VVD,24,ja");
    }

    @Test
    void aCsvFileIsStillReadAsCsv() throws Exception {
        Extraction e = parse("stemmingen.csv", Fixtures.text("fractie,zetels,stem\n" + "VVD,24,ja\nD66,9,nee\n".repeat(10),
                StandardCharsets.UTF_8));

        assertThat(e.contentType()).isEqualTo("text/csv");
        assertThat(e.text()).contains("VVD");
    }

    @Test
    void aFileParsedFromDiskGivesWhatItsBytesInMemoryGive() throws Exception {
        for (String name : new String[] {"oud.txt", "motie.pdf", "pagina.html"}) {
            byte[] bytes = switch (name) {
                case "oud.txt" -> Fixtures.text(DUTCH, Charset.forName("windows-1252"));
                case "motie.pdf" -> Fixtures.pdf("Motie", "J. Jansen", DUTCH);
                default -> Fixtures.html("Nieuws", DUTCH);
            };
            Path file = write(name, bytes);

            Extraction fromDisk = parser.parse(Source.onDisk(file));
            Extraction fromMemory = parser.parse(Source.read(file));

            assertThat(fromDisk.text()).as(name).isEqualTo(fromMemory.text()).contains("Oekraïne");
            assertThat(fromDisk.contentType()).as(name).isEqualTo(fromMemory.contentType());
            assertThat(fromDisk.title()).as(name).isEqualTo(fromMemory.title());
        }
    }

    @Test
    void odtGivesTextTitleAndAuthor() throws Exception {
        Extraction e = parse("nota.odt", Fixtures.odt("Nota naar aanleiding van het verslag", "Staatssecretaris", DUTCH));

        assertThat(e.contentType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(e.text()).contains("Oekraïne");
        assertThat(e.title()).isEqualTo("Nota naar aanleiding van het verslag");
        assertThat(e.author()).isEqualTo("Staatssecretaris");
    }

    @Test
    void rtfGivesTextTitleAndAuthor() throws Exception {
        Extraction e = parse("verslag.rtf", Fixtures.rtf("Verslag", "Griffie", DUTCH));

        assertThat(e.contentType()).isEqualTo("application/rtf");
        assertThat(e.text()).contains("Oekraïne");
        assertThat(e.title()).isEqualTo("Verslag");
        assertThat(e.author()).isEqualTo("Griffie");
    }

    @Test
    void emlGivesBodySubjectAndSender() throws Exception {
        Extraction e = parse("bericht.eml", Fixtures.eml("Griffie <griffie@tweedekamer.nl>", "Agenda procedurevergadering",
                DUTCH));

        assertThat(e.contentType()).isEqualTo("message/rfc822");
        assertThat(e.text()).contains("Oekraïne");
        assertThat(e.title()).isEqualTo("Agenda procedurevergadering");
        assertThat(e.author()).contains("griffie@tweedekamer.nl");
        assertThat(e.created()).isEqualTo(CREATED);
    }

    @Test
    void xmlGivesItsText() throws Exception {
        Extraction e = parse("kamerstuk.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><kamerstuk><titel>Motie"
                + "</titel><tekst>" + DUTCH + "</tekst></kamerstuk>").getBytes(StandardCharsets.UTF_8));

        assertThat(e.contentType()).isEqualTo("application/xml");
        assertThat(e.text()).contains("Oekraïne");
    }

    @Test
    void textAboveTheLimitIsTruncated() throws Exception {
        TikaExtractor small = new TikaExtractor(1_000, OcrSupport.none(), Duration.ofSeconds(5), new LanguageGuesser());
        Path file = write("lang.txt", Fixtures.text(DUTCH.repeat(100), StandardCharsets.UTF_8));

        Extraction e = small.extract(file);

        assertThat(e.truncated()).isTrue();
        assertThat(e.text()).hasSizeLessThanOrEqualTo(1_000).startsWith("De Tweede Kamer");
    }

    @Test
    void scannedPdfWithoutOcrHasNoText() throws Exception {
        Extraction e = parse("scan.pdf", Fixtures.scannedPdf("Motie over de begroting"));

        assertThat(e.contentType()).isEqualTo("application/pdf");
        assertThat(e.text()).isBlank();
        assertThat(e.ocrUsed()).isFalse();
    }

    @Test
    void encryptedPdfFailsWithAClearReason() throws Exception {
        Path file = write("geheim.pdf", Fixtures.encryptedPdf(DUTCH));

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("password-protected");
    }

    @Test
    void corruptPdfFails() throws Exception {
        Path file = write("kapot.pdf", Fixtures.corruptPdf());

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("application/pdf");
    }

    @Test
    void zipBombOfTextIsStopped() throws Exception {
        byte[] bomb = HostileFiles.zipBomb(64L << 20, 'a');
        assertThat(bomb.length).isLessThan(1 << 20);
        Path file = write("bijlagen.zip", bomb);

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("Decompression bomb");
    }

    @Test
    void zipBombOfZerosIsStopped() throws Exception {
        Path file = write("nullen.zip", HostileFiles.zipBomb(64L << 20, (char) 0));

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("Decompression bomb");
    }

    @Test
    void gzipBombIsStopped() throws Exception {
        Path file = write("nullen.gz", HostileFiles.gzipBomb(64L << 20));

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("Decompression bomb");
    }

    @Test
    void deeplyNestedXmlIsStopped() throws Exception {
        String xml = "<?xml version=\"1.0\"?><a>" + "<b>".repeat(200_000) + "x" + "</b>".repeat(200_000) + "</a>";
        Path file = write("diep.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("nested more than");
    }

    @Test
    void deeplyNestedHtmlIsStopped() throws Exception {
        Path file = write("diep.html", HostileFiles.deeplyNestedHtml(200_000));

        assertThatThrownBy(() -> parser.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("nested more than");
    }

    @Test
    void randomBinaryIsOctetStream() throws Exception {
        Extraction e = parse("ruis.bin", HostileFiles.randomBytes(50_000, 42));

        assertThat(e.contentType()).isEqualTo("application/octet-stream");
        assertThat(e.text()).isBlank();
    }

    @Test
    void parsePastTheTimeoutIsAbandoned() throws Exception {
        Path file = write("motie.pdf", Fixtures.pdf("t", "a", DUTCH));
        try (TimedParser hasty = new TimedParser(new TikaExtractor(1000, OcrSupport.none(), Duration.ofSeconds(1),
                new LanguageGuesser()), Duration.ofNanos(1), 1, 1, () -> { })) {
            assertThatThrownBy(() -> hasty.parse(Source.read(file))).isInstanceOf(ParseFailedException.class)
                    .hasMessageContaining("PARSE_TIMEOUT");
            assertThat(hasty.abandoned()).isEqualTo(1);
        }
    }

    private Extraction parse(String name, byte[] bytes) throws Exception {
        return parser.parse(Source.read(write(name, bytes)));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
