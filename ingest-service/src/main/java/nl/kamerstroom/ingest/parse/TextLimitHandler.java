package nl.kamerstroom.ingest.parse;

import java.io.StringWriter;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToTextContentHandler;

/**
 * Collects plain text up to a limit and quietly drops the rest, noting that it did. Unlike
 * Tika's write limit it does not abort the parse: the parser reads the file to its end (in
 * constant memory), so bomb checks that count what comes out of an archive still see all of it,
 * and metadata at the end of a file is still read. The parse timeout bounds the time.
 */
final class TextLimitHandler extends ContentHandlerDecorator {

    private final StringWriter text;
    private final int limit;
    private boolean truncated;

    TextLimitHandler(int limit) {
        this(new StringWriter(), limit);
    }

    private TextLimitHandler(StringWriter text, int limit) {
        super(new ToTextContentHandler(text));
        this.text = text;
        this.limit = limit;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws org.xml.sax.SAXException {
        super.characters(ch, start, keep(length));
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws org.xml.sax.SAXException {
        super.ignorableWhitespace(ch, start, keep(length));
    }

    private int keep(int length) {
        int room = Math.max(0, limit - text.getBuffer().length());
        if (length > room) {
            truncated = true;
            return room;
        }
        return length;
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
