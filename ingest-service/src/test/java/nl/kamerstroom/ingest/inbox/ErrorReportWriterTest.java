package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAReadableReportBesideTheFileWithoutOverwriting() throws Exception {
        Path failed = Files.writeString(dir.resolve("kapot.pdf"), "x");
        ErrorReport report = new ErrorReport("kapot.pdf", "2024/kapot.pdf", "parse", "Corrupt or unreadable PDF",
                "org.apache.tika.exception.TikaException", "boom", Instant.parse("2026-01-01T00:00:00Z"), "ingest-1",
                1L, "ab".repeat(32));
        ErrorReportWriter writer = new ErrorReportWriter();

        Path json = writer.writeBeside(failed, report);
        Path again = writer.writeBeside(failed, report);

        assertThat(json).isEqualTo(dir.resolve("kapot.pdf.error.json"));
        assertThat(again).isEqualTo(dir.resolve("kapot.pdf.error-1.json"));
        assertThat(ErrorReportWriter.read(json)).isEqualTo(report);
        assertThat(Files.readString(json)).contains("\"reason\" : \"Corrupt or unreadable PDF\"")
                .contains("2026-01-01T00:00:00Z");
    }

    @Test
    void tellsItsReportsFromTheFailedFiles() throws Exception {
        Path failed = Files.writeString(dir.resolve("kapot.pdf"), "x");
        ErrorReport report = new ErrorReport("kapot.pdf", "kapot.pdf", "parse", "Corrupt", "E", "boom",
                Instant.parse("2026-01-01T00:00:00Z"), "ingest-1", 1L, "ab".repeat(32));
        ErrorReportWriter writer = new ErrorReportWriter();

        Path first = writer.writeBeside(failed, report);
        Path second = writer.writeBeside(failed, report);

        assertThat(ErrorReportWriter.isReport(first)).isTrue();
        assertThat(ErrorReportWriter.isReport(second)).isTrue();
        assertThat(ErrorReportWriter.isReport(failed)).isFalse();
        assertThat(ErrorReportWriter.isReport(dir.resolve("error.json.pdf"))).isFalse();
    }
}
