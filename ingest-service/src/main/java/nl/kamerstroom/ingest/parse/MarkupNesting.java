package nl.kamerstroom.ingest.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * How deeply the elements of an HTML or XML file nest, counted on the raw bytes before any
 * parser sees them. The HTML parser quietly flattens nesting past a few hundred levels and the
 * XML parser gives up with a vague error, so a file built to exhaust parsers (200,000 nested
 * divs) is named for what it is instead. The count is rough on purpose: start tags minus end
 * tags, skipping void elements, self-closing tags and elements whose end tag HTML lets authors
 * omit; no real document comes near {@link #MAX_DEPTH}.
 */
final class MarkupNesting {

    static final int MAX_DEPTH = 10_000;

    private static final Set<String> NOT_COUNTED = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
            "colgroup", "rt", "rp", "caption", "html", "head", "body");
    /** Elements whose content is not markup: a {@code <} in a script is a comparison. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title");

    private MarkupNesting() {
    }

    /** Throws when the bytes nest deeper than {@link #MAX_DEPTH}; reads them once, in constant memory. */
    static void check(InputStream raw) throws IOException, UnsafeDocumentException {
        try (InputStream in = new BufferedInputStream(raw, 64 * 1024)) {
            int depth = 0;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c != '<') {
                    continue;
                }
                int next = in.read();
                if (next == '!') {
                    skipDeclaration(in);
                } else if (next == '/') {
                    String name = readName(in, in.read());
                    if (!NOT_COUNTED.contains(name) && depth > 0) {
                        depth--;
                    }
                } else if (Character.isLetter(next)) {
                    String name = readName(in, next);
                    boolean closed = selfClosing(in);
                    if (!closed && RAW_TEXT.contains(name)) {
                        skipPast(in, "</" + name);
                    } else if (!closed && !NOT_COUNTED.contains(name) && ++depth > MAX_DEPTH) {
                        throw new UnsafeDocumentException("Elements nested more than " + MAX_DEPTH
                                + " levels deep; markup like this is made to exhaust parsers");
                    }
                }
            }
        }
    }

    /** Comments ({@code <!-- -->}) may hold anything; doctype and CDATA openers end at the next '>'. */
    private static void skipDeclaration(InputStream in) throws IOException {
        in.mark(2);
        if (in.read() == '-' && in.read() == '-') {
            skipPast(in, "-->");
        } else {
            in.reset();
            selfClosing(in);
        }
    }

    /** Reads past the next occurrence of {@code end} (ASCII, case-insensitive). */
    private static void skipPast(InputStream in, String end) throws IOException {
        int matched = 0;
        while (matched < end.length()) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            int lower = Character.toLowerCase(c);
            if (lower == end.charAt(matched)) {
                matched++;
            } else {
                matched = lower == end.charAt(0) ? 1 : 0;
            }
        }
    }

    private static String readName(InputStream in, int first) throws IOException {
        StringBuilder name = new StringBuilder();
        int c = first;
        while (c >= 0 && (Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_') && name.length() < 64) {
            name.append((char) c);
            in.mark(1);
            c = in.read();
        }
        if (c >= 0 && !name.isEmpty()) {
            in.reset(); // give back the character after the name (it may be the tag's '>')
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    /** Reads to the end of the tag; true for {@code <br/>}-style tags. */
    private static boolean selfClosing(InputStream in) throws IOException {
        int previous = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '>') {
                return previous == '/';
            }
            previous = c;
        }
        return false;
    }
}
