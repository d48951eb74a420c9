package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether Tesseract is installed and which of the languages we want it has. Tika runs the
 * {@code tesseract} found on PATH by itself; we ask once at start-up so the log says plainly
 * whether scanned pages will be read, and so OCR is asked for languages that exist (Tesseract
 * fails outright on a missing language pack).
 *
 * @param languages Tesseract's language argument, e.g. {@code nld+eng}; empty when unavailable
 */
public record OcrSupport(boolean available, String languages) {

    /** Dutch first: most released government documents are Dutch; English for the rest. */
    private static final List<String> WANTED = List.of("nld", "eng");

    public static OcrSupport none() {
        return new OcrSupport(false, "");
    }

    public static OcrSupport detect() {
        Set<String> installed = installedLanguages();
        if (installed == null) {
            return none();
        }
        List<String> chosen = new ArrayList<>(WANTED.stream().filter(installed::contains).toList());
        if (chosen.isEmpty() && !installed.isEmpty()) {
            chosen.add(installed.contains("osd") && installed.size() > 1
                    ? installed.stream().filter(l -> !l.equals("osd")).findFirst().orElseThrow()
                    : installed.iterator().next());
        }
        return chosen.isEmpty() ? none() : new OcrSupport(true, String.join("+", chosen));
    }

    /** The language packs {@code tesseract --list-langs} names, or null when it cannot be run. */
    private static Set<String> installedLanguages() {
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return out.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
