package nl.kamerstroom.launcher.extract;

import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.extraction.ExtractionJson;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.ingest.parse.LanguageGuesser;
import nl.kamerstroom.ingest.parse.OcrSupport;
import nl.kamerstroom.ingest.parse.TikaExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Prints the entities of each file as one JSON line: ministries, countries, motions, amounts, "
                + "kamerstuk references, redactions and document metadata. No Kafka needed.",
                "Plain text (.txt, .md) is read as UTF-8; other formats (PDF, DOCX, HTML, ...) go through Apache Tika "
                        + "as in the ingest-service, with OCR when Tesseract is installed."})
public final class ExtractCommand implements Callable<Integer> {

    private static final Set<String> PLAIN_TEXT = Set.of("txt", "text", "md");

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to read.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    private TikaExtractor tika;

    @Override
    public Integer call() {
        EntityExtractor extractor = EntityExtractor.create();
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            try {
                out.println(ExtractionJson.toJsonLine(file.toString(), extractor.extract(text(file))));
                out.flush();
            } catch (Exception e) {
                failed++;
                spec.commandLine().getErr().println("kamerstroom extract: " + file + ": "
                        + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private String text(Path file) throws Exception {
        if (PLAIN_TEXT.contains(extension(file))) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException notUtf8) {
                // Not UTF-8 after all: Tika detects the charset.
            }
        }
        return tika().extract(file).text();
    }

    /** Tika starts slowly (it loads every parser), so only when a file needs it. */
    private TikaExtractor tika() {
        if (tika == null) {
            tika = new TikaExtractor(Settings.fromEnvironment().get(IngestConfig.MAX_TEXT_CHARS),
                    OcrSupport.detect(), Duration.ofMinutes(5), new LanguageGuesser());
        }
        return tika;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
