package nl.kamerstroom.ingest.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Counts the bytes that come out of a file's embedded documents (zip and tar entries, gzip and
 * bzip2 contents, attachments) and stops once they exceed {@link #MAX_RATIO} times the file's
 * own size. Tika's own check compares the <em>text</em> written with the input, which misses a
 * bomb of zeros (no text) and fires only after our text limit; counting bytes catches both.
 * Whatever a parser skips is read to the end as well, up to the budget, so a bomb cannot hide
 * in an entry nobody parses. One guard per parse; it is reused for nested archives.
 */
final class DecompressionGuard extends ParsingEmbeddedDocumentExtractor {

    /** Real documents expand 2-20x (Office XML, PDF streams); a bomb, thousands of times. */
    static final long MAX_RATIO = 100;
    /** Small files may legitimately expand more than 100x; below this nothing is called a bomb. */
    static final long MIN_BUDGET = 50L << 20;

    private final long budget;
    private long expanded;
    private boolean exceeded;

    DecompressionGuard(ParseContext context, long fileSize) {
        super(context);
        this.budget = Math.max(MIN_BUDGET, MAX_RATIO * fileSize);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (exceeded) {
            throw bomb();
        }
        Counted counted = new Counted(stream);
        try {
            super.parseEmbedded(counted, handler, metadata, outputHtml);
        } finally {
            if (!exceeded) {
                counted.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    UnsafeDocumentException failure() {
        return new UnsafeDocumentException("Decompression bomb: its contents expand to more than " + MAX_RATIO
                + " times its size (stopped after " + (budget >> 20) + " MB)");
    }

    private IOException bomb() {
        exceeded = true;
        return new IOException(failure().getMessage());
    }

    /** Counts what is read through it against the budget. */
    private final class Counted extends FilterInputStream {
        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public void close() {
            // the archive parser owns the underlying stream; draining it happens in parseEmbedded
        }

        private void count(long n) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Parse abandoned after PARSE_TIMEOUT");
            }
            expanded += n;
            if (expanded > budget) {
                throw bomb();
            }
        }
    }
}
