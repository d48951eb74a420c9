package nl.kamerstroom.benchmarks.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Generated benchmark documents: ~20 KB of Dutch-looking parliamentary prose per file, each file
 * different (so none is a duplicate), as plain text and as PDFs of ~6 pages. Each text starts with
 * "Document SEED.", so the seed is a word that finds that one document. The prose and the PDF
 * rendering are public for the fault-injection suite (module chaos), which builds its documents on them.
 */
public final class BenchmarkFiles {

    static final int TEXT_BYTES = 20_000;
    private static final String[] WORDS = ("de het een van en in op voor met aan door bij over de Tweede Kamer "
            + "minister ministerie begroting motie amendement kamerbrief Oekraïne Buitenlandse Zaken Financiën "
            + "regering wetsvoorstel staatssecretaris commissie vergadering stemming fractie voorzitter miljoen euro "
            + "beleid uitvoering gemeenten provincies onderzoek rapport toezegging vragen antwoord").split(" ");

    private final Path dir;

    public BenchmarkFiles(Path dir) {
        this.dir = dir;
    }

    public List<Path> texts(int count) throws IOException {
        return texts("text", 0, count);
    }

    /** {@code count} ~20 KB texts in folder {@code name}, seeds {@code firstSeed} onwards. */
    public List<Path> texts(String name, int firstSeed, int count) throws IOException {
        Path textDir = Files.createDirectories(dir.resolve(name));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seed = firstSeed + i;
            files.add(Files.writeString(textDir.resolve("document-" + seed + ".txt"), prose(seed, TEXT_BYTES)));
        }
        return files;
    }

    public List<Path> pdfs(int count) throws IOException {
        return pdfs("pdf", 1_000_000, count, TEXT_BYTES, TEXT_BYTES);
    }

    /**
     * {@code count} PDFs in folder {@code name}, seeds {@code firstSeed} onwards, of between
     * {@code minBytes} and {@code maxBytes} of text each (about 4 KB a page).
     */
    public List<Path> pdfs(String name, int firstSeed, int count, int minBytes, int maxBytes) throws IOException {
        Path pdfDir = Files.createDirectories(dir.resolve(name));
        Random sizes = new Random(firstSeed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seed = firstSeed + i;
            int bytes = minBytes + (maxBytes > minBytes ? sizes.nextInt(maxBytes - minBytes + 1) : 0);
            files.add(Files.write(pdfDir.resolve("document-" + seed + ".pdf"), pdf(prose(seed, bytes))));
        }
        return files;
    }

    /** Random sentences of parliamentary words, at least {@code bytes} long, the same for the same seed. */
    public static String prose(int seed, int bytes) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(bytes + 100).append("Document ").append(seed).append(". ");
        while (text.length() < bytes) {
            int sentence = 8 + random.nextInt(12);
            for (int w = 0; w < sentence; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(w + 1 < sentence ? " " : ". ");
            }
            if (random.nextInt(6) == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** {@code text} as a PDF with a text layer: lines of ~90 characters, 45 lines per page. */
    public static byte[] pdf(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            for (int start = 0; start < paragraph.length(); start += 90) {
                lines.add(paragraph.substring(start, Math.min(paragraph.length(), start + 90)));
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int first = 0; first < lines.size(); first += 45) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(14);
                    content.newLineAtOffset(40, 800);
                    for (String line : lines.subList(first, Math.min(lines.size(), first + 45))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    public static long totalBytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
