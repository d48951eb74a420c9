package nl.kamerstroom.index.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/** Looks into a store the way the tests need: a document's stored text, and the files a crash leaves. */
public final class StoreFiles {

    private StoreFiles() {
    }

    /** The stored text of document {@code id}, or null when the index has no such document. */
    static String textOf(SearchIndex index, String id) {
        try {
            return index.withSearcher(searcher -> {
                var hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 2);
                if (hits.scoreDocs.length > 1) {
                    throw new AssertionError("Document " + id + " is in the index " + hits.scoreDocs.length + " times");
                }
                return hits.scoreDocs.length == 0 ? null
                        : searcher.storedFields().document(hits.scoreDocs[0].doc).get(IndexFields.TEXT);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the index directory as a killed process would leave it: every file written so far
     * (flushed but uncommitted segments included), without the lock the dead process held.
     */
    public static void copyAsACrashLeavesIt(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
