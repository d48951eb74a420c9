package nl.kamerstroom.index.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

    private static final TopicPartition P0 = new TopicPartition("documents.index", 0);
    private static final TopicPartition P1 = new TopicPartition("documents.index", 1);

    @TempDir
    Path dir;

    @Test
    void anUpsertReplacesTheDocumentWithTheSameId() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "eerste versie")));
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "tweede versie")));
            index.upsert("b", Documents.index(Documents.plain("b", "b.txt", "ander document")));
            index.refresh();

            assertThat(index.documentCount()).isEqualTo(2);
            assertThat(StoreFiles.textOf(index, "a")).isEqualTo("tweede versie");
        }
    }

    /**
     * Lucene refuses a whole document with a term over 32,766 bytes ("immense term"); an
     * over-long keyword value is left out of its field instead and the document is indexed.
     */
    @Test
    void aKeywordValueLongerThanALuceneTermIsLeftOutAndTheDocumentIndexed() throws IOException {
        String immense = "M".repeat(40_000);
        IndexDocument doc = Documents.about("a", "tekst", "BZ", "UA", LocalDate.of(2024, 1, 1), "10");
        doc.setFileName(immense + ".pdf");
        doc.getSummary().setMinistryIds(List.of("BZ", immense));
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", doc);
            index.refresh();

            assertThat(index.documentCount()).isEqualTo(1);
            int withBz = index.withSearcher(searcher -> searcher.count(new TermQuery(new Term(IndexFields.MINISTRY, "BZ"))));
            assertThat(withBz).isEqualTo(1);
        }
    }

    @Test
    void anIdLongerThanALuceneTermIsRefusedAndThePreviousVersionStays() throws IOException {
        String immense = "x".repeat(40_000);
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThatThrownBy(() -> index.upsert(immense, Documents.index(Documents.plain(immense, "a.txt", "tekst"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Document id is 40000 bytes");
            assertThat(index.broken()).isFalse();
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "tekst")));
            index.refresh();
            assertThat(index.documentCount()).isEqualTo(1);
        }
    }

    @Test
    void aDeleteRemovesTheDocument() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "tekst")));
            index.delete("a");
            index.delete("never-indexed");
            index.refresh();

            assertThat(index.documentCount()).isZero();
        }
    }

    @Test
    void aNewIndexHasNoPositionsAndACommitStoresThem() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.committedPositions()).isEmpty();
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "tekst")));
            index.commit(Map.of(P0, 1L, P1, 0L));
        }
        try (SearchIndex reopened = SearchIndex.open(dir)) {
            assertThat(reopened.committedPositions()).isEqualTo(Map.of(P0, 1L, P1, 0L));
            assertThat(reopened.documentCount()).isEqualTo(1);
        }
    }

    @Test
    void positionsAdvanceEvenWithoutNewDocuments() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.commit(Map.of(P0, 5L));
            index.commit(Map.of(P0, 7L));
        }
        try (SearchIndex reopened = SearchIndex.open(dir)) {
            assertThat(reopened.committedPositions()).isEqualTo(Map.of(P0, 7L));
        }
    }

    /**
     * A crash after documents reached disk (flushed segments) but before the commit: the files
     * on disk, copied as the crash left them, open as exactly the last commit, with its positions.
     */
    @Test
    void aCrashBeforeTheCommitLeavesExactlyTheLastCommit(@TempDir Path crashed) throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "vastgelegd")));
            index.commit(Map.of(P0, 1L));
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "niet vastgelegd")));
            index.upsert("b", Documents.index(Documents.plain("b", "b.txt", "niet vastgelegd")));
            index.refresh(); // searchable (flushed to disk) but not committed
            assertThat(index.documentCount()).isEqualTo(2);
            StoreFiles.copyAsACrashLeavesIt(dir, crashed);
        }
        try (SearchIndex recovered = SearchIndex.open(crashed)) {
            assertThat(recovered.committedPositions()).isEqualTo(Map.of(P0, 1L));
            assertThat(recovered.documentCount()).isEqualTo(1);
            assertThat(StoreFiles.textOf(recovered, "a")).isEqualTo("vastgelegd");
        }
    }

    @Test
    void closingDoesNotCommitWhatNoCommitCovered() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", Documents.index(Documents.plain("a", "a.txt", "tekst")));
        }
        try (SearchIndex reopened = SearchIndex.open(dir)) {
            assertThat(reopened.documentCount()).isZero();
            assertThat(reopened.committedPositions()).isEmpty();
        }
    }

    @Test
    void reportsItsSizeOnDisk() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", Documents.index(Documents.ukraineLetter("a")));
            index.commit(Map.of(P0, 1L));
            assertThat(index.sizeBytes()).isPositive();
        }
    }


}
