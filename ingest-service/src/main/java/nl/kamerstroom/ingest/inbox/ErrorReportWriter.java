package nl.kamerstroom.ingest.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code NAME.error.json} beside a failed file, never replacing an existing one. The report
 * is written under a hidden temporary name and then linked into place, so whoever watches
 * failed/ never reads half a report.
 */
public final class ErrorReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** True for a report this writer leaves in failed/, or one it is still writing: not a failed file. */
    public static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.matches(".*\\.error(-\\d+)?\\.json");
    }

    public Path writeBeside(Path failedFile, ErrorReport report) throws IOException {
        String name = failedFile.getFileName().toString();
        Path temporary = Files.createTempFile(failedFile.getParent(), "." + name, ".error.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                JSON.writeValue(out, report);
            }
            Path target = failedFile.resolveSibling(name + ".error.json");
            for (int n = 1; ; n++) {
                try {
                    Files.createLink(target, temporary);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    target = failedFile.resolveSibling(name + ".error-" + n + ".json");
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static ErrorReport read(Path errorJson) throws IOException {
        return JSON.readValue(errorJson.toFile(), ErrorReport.class);
    }
}
