package nl.kamerstroom.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.kamerstroom.benchmarks.ingest.BenchmarkFiles;
import nl.kamerstroom.ingest.testing.HostileFiles;

/**
 * The files of a run, written to a staging folder on the inbox's file system and dropped into
 * the inbox in groups by atomic rename (as a finished copy appears): unique letters as text and
 * PDF, pairs of identical files (always in one group, one after the other), and hostile files.
 * Everything follows from the seed. Documents deleted during the run leave the expected ones.
 */
final class Workload {

    /** A document the index must end up holding, with the markers its full text contains. */
    record ExpectedDocument(String id, String fileName, String startMarker, String endMarker) {
    }

    private final Path staging;
    private final Map<String, ExpectedDocument> expected = new LinkedHashMap<>();
    private final Map<String, ExpectedDocument> deleted = new LinkedHashMap<>();
    private final List<ExpectedDocument> deletable = new ArrayList<>();
    private final List<String> expectDone = new ArrayList<>();
    private final List<String> expectFailed = new ArrayList<>();
    private final List<List<Path>> groups;

    private Workload(Path staging, List<List<Path>> groups) {
        this.staging = staging;
        this.groups = groups;
    }

    /** Writes every file of the run into {@code staging} and splits them into {@code groupCount} drops. */
    static Workload create(ChaosOptions options, Path staging, int groupCount) throws IOException {
        Files.createDirectories(staging);
        Random random = new Random(options.seed());
        LetterWriter writer = new LetterWriter(options.seed());
        List<List<Path>> units = new ArrayList<>();
        Workload workload = new Workload(staging, new ArrayList<>());
        int letter = 0;
        for (int n = 0; n < options.documents(); n++, letter++) {
            boolean pdf = n < options.pdfs();
            String text = writer.letter(letter);
            byte[] bytes = pdf ? BenchmarkFiles.pdf(text) : text.getBytes(StandardCharsets.UTF_8);
            String name = (pdf ? "brief-" : "nota-") + letter + (pdf ? ".pdf" : ".txt");
            units.add(List.of(workload.write(name, bytes)));
            workload.deletable.add(workload.expectDocument(bytes, name, writer, letter));
        }
        for (int n = 0; n < options.twins(); n++, letter++) {
            byte[] bytes = writer.letter(letter).getBytes(StandardCharsets.UTF_8);
            String name = "tweeling-" + n;
            units.add(List.of(workload.write(name + "-a.txt", bytes), workload.write(name + "-b.txt", bytes)));
            workload.expectDocument(bytes, name + "-a.txt", writer, letter);
            workload.expectDone.add(name + "-b.txt");
        }
        units.addAll(workload.hostileFiles(options, random, writer));
        Collections.shuffle(units, random);
        Collections.shuffle(workload.deletable, random);
        int perGroup = Math.max(1, (units.size() + groupCount - 1) / groupCount);
        for (int start = 0; start < units.size(); start += perGroup) {
            List<Path> group = new ArrayList<>();
            units.subList(start, Math.min(units.size(), start + perGroup)).forEach(group::addAll);
            workload.groups.add(group);
        }
        return workload;
    }

    /** An empty file, noise, a truncated PDF and a zip bomb per 500 documents (at least one of each). */
    private List<List<Path>> hostileFiles(ChaosOptions options, Random random, LetterWriter writer) throws IOException {
        List<List<Path>> files = new ArrayList<>();
        int sets = Math.max(1, options.documents() / 500);
        for (int n = 0; n < sets; n++) {
            files.add(List.of(writeHostile("leeg-" + n + ".txt", new byte[0])));
            files.add(List.of(writeHostile("ruis-" + n + ".bin", HostileFiles.randomBytes(4096, random.nextLong()))));
            byte[] pdf = BenchmarkFiles.pdf(writer.letter(-1 - n));
            files.add(List.of(writeHostile("afgebroken-" + n + ".pdf", Arrays.copyOf(pdf, pdf.length / 3))));
            files.add(List.of(writeHostile("bom-" + n + ".zip", HostileFiles.zipBomb(64L << 20, 'a'))));
        }
        return files;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(staging.resolve(name), bytes);
    }

    private Path writeHostile(String name, byte[] bytes) throws IOException {
        expectFailed.add(name);
        return write(name, bytes);
    }

    private ExpectedDocument expectDocument(byte[] bytes, String fileName, LetterWriter writer, int letter) {
        String id = sha256(bytes);
        ExpectedDocument document = new ExpectedDocument(id, fileName, writer.startMarker(letter), writer.endMarker(letter));
        expected.put(id, document);
        expectDone.add(fileName);
        return document;
    }

    /**
     * Documents the run may delete, in a seeded order: the unique letters (the identical pairs stay,
     * for the twin checks).
     */
    List<ExpectedDocument> deletable() {
        return deletable.stream().filter(document -> expected.containsKey(document.id())).toList();
    }

    /** The document was deleted (a tombstone written): no store may hold it any more; its file stays in done/. */
    void deleted(String id) {
        deleted.put(id, expected.remove(id));
    }

    Map<String, ExpectedDocument> deleted() {
        return Collections.unmodifiableMap(deleted);
    }

    /** Moves one group into {@code inbox} by rename, identical pairs one right after the other. */
    void drop(int group, Path inbox) throws IOException {
        for (Path file : groups.get(group)) {
            Files.move(file, inbox.resolve(file.getFileName()));
        }
    }

    int groupCount() {
        return groups.size();
    }

    int fileCount() {
        return expectDone.size() + expectFailed.size();
    }

    Map<String, ExpectedDocument> expected() {
        return Collections.unmodifiableMap(expected);
    }

    List<String> expectDone() {
        return List.copyOf(expectDone);
    }

    List<String> expectFailed() {
        return List.copyOf(expectFailed);
    }

    /** The document id ingest gives these bytes: lower-case hex SHA-256. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
