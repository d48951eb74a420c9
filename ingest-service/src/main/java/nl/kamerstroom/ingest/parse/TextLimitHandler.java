package nl.kamerstroom.ingest.parse;

import java.io.StringWriter;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToTextContentHandler;
import org.xml.sax.SAXException;

/**
 * Collects plain text up to a limit and quietly drops the rest, noting that it did. Unlike
 * Tika's write limit it does not abort the parse: the parser reads the file to its end (in
 * constant memory), so bomb checks that count what comes out of an archive still see all of it,
 * and metadata at the end of a file is still read. The parse timeout bounds the time: most
 * parsers never look at their thread's interrupt, so this handler does, and ends a parse that
 * was abandoned at its next piece of text instead of letting it run on.
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
    public void characters(char[] ch, int start, int length) throws SAXException {
        super.characters(ch, start, keep(length));
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        super.ignorableWhitespace(ch, start, keep(length));
    }

    private int keep(int length) throws SAXException {
        if (Thread.currentThread().isInterrupted()) {
            throw new SAXException("Parse interrupted: it was abandoned after PARSE_TIMEOUT");
        }
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
