package nl.kamerstroom.index.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index on local disk. Writes are idempotent upserts and deletes by id; a commit
 * makes the documents AND the topic positions they came from durable in one step. Nothing is
 * committed any other way (not even on close), so after a crash the index is exactly the last
 * commit, and replaying from its positions rebuilds what was lost without duplicates.
 */
public final class SearchIndex implements AutoCloseable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private SearchIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code dir}, creating an empty one if there is none. */
    public static SearchIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    // 20 KB documents: buffer ~3,000 of them before writing a segment.
                    .setRAMBufferSizeMB(64);
            return new SearchIndex(directory, new IndexWriter(directory, config));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The next offset to read per partition, as of the last commit; empty for a new index. */
    public Map<TopicPartition, Long> committedPositions() {
        return StoredOffsets.fromUserData(writer.getLiveCommitData());
    }

    /**
     * Adds the document or replaces the one with the same id. When Lucene refuses the new
     * version, the old one stays: the delete of an update applies only with its document.
     */
    public void upsert(String id, IndexDocument doc) throws IOException {
        writer.updateDocument(new Term(IndexFields.ID, id), LuceneDocuments.toLucene(id, doc));
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.ID, id));
    }

    /**
     * True when the writer hit an error it cannot recover from (disk full, I/O error) and closed:
     * then nothing more can be indexed and a failing record is not the record's fault.
     */
    public boolean broken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    /** Makes every change so far durable together with the positions they were read up to. */
    public void commit(Map<TopicPartition, Long> positions) throws IOException {
        writer.setLiveCommitData(StoredOffsets.toUserData(positions).entrySet());
        writer.commit();
    }

    /** Makes changes visible to searches (near-real-time, without a commit). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Runs {@code work} on a point-in-time searcher. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Documents visible to searches now. */
    public int documentCount() {
        try {
            return withSearcher(searcher -> searcher.getIndexReader().numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the index takes on disk. */
    public long sizeBytes() {
        long total = 0;
        try {
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (IOException e) {
                    // merged away between listing and measuring
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** Closes without committing: whatever the last {@link #commit} did not cover is dropped. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Something done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
