package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Tika's {@link AutoDetectParser} (so its SecureContentHandler checks and embedded-document
 * handling stay) without two costs it pays on every file (JFR, PDF burst, ~12-page PDFs):
 * <ul>
 *   <li>a second type detection: {@link TikaExtractor} has already run the magic detection once
 *       to tell text from the rest, and for a type it {@link #settle settles} the parser takes
 *       that type instead of running Tika's ~1,400 magic patterns and every container detector
 *       again (0.3-0.5 ms of CPU and 1-2 MB of allocation per PDF);</li>
 *   <li>the map of media type to parser, which {@code CompositeParser} rebuilds on every parse
 *       (and for embedded documents again) by asking each of ~100 parsers for its types
 *       (~0.4 ms per file), here and again in Tika's {@code DefaultParser} that this parser wraps.
 *       Ours is built once: it depends on the parse context only through the OCR settings, which
 *       are the same for every parse of one {@link TikaExtractor}. The inner one is left (~1 % of
 *       a parse's CPU): flattening the DefaultParser into this one would change which parser the
 *       events' {@code X-TIKA:Parsed-By} names.</li>
 * </ul>
 * Embedded documents get their own metadata without a settled type, so they are detected in full.
 */
final class DetectOnceParser extends AutoDetectParser {

    /** Internal metadata key carrying the settled type to the detector, which removes it again. */
    private static final String SETTLED_TYPE = "X-Kamerstroom-Settled-Type";

    private volatile Map<MediaType, Parser> parsers;

    DetectOnceParser(Detector detector, Parser... parsers) {
        super(new SettledOrDetected(detector), parsers);
    }

    /** Makes the next parse with this metadata take {@code type} without detecting it again. */
    static void settle(Metadata metadata, MediaType type) {
        metadata.set(SETTLED_TYPE, type.toString());
    }

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
        Map<MediaType, Parser> byType = parsers;
        if (byType == null) {
            byType = Map.copyOf(super.getParsers(context));
            parsers = byType;
        }
        return byType;
    }

    /** The settled type when there is one (taken out of the metadata), else the full detection. */
    private record SettledOrDetected(Detector full) implements Detector {

        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws IOException {
            String settled = metadata.get(SETTLED_TYPE);
            if (settled == null) {
                return full.detect(input, metadata);
            }
            metadata.remove(SETTLED_TYPE);
            return MediaType.parse(settled);
        }
    }
}
