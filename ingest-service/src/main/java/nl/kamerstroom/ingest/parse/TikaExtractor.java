package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Text and metadata of one file with Apache Tika, within stated limits:
 * <ul>
 *   <li>text stops at {@code maxTextChars} ({@link TextLimitHandler}): a 300 MB text file costs
 *       at most that much memory, and the result says it was truncated;</li>
 *   <li>decompression bombs are stopped by a {@link DecompressionGuard} counting the bytes
 *       that come out of archives, markup nested absurdly deep by {@link MarkupNesting} before
 *       parsing, and the {@link AutoDetectParser}'s own SecureContentHandler checks stay on;
 *       each comes out as an {@link UnsafeDocumentException};</li>
 *   <li>embedded documents (mail attachments, zip entries, objects in Office files) are parsed
 *       on purpose: their text belongs to the document;</li>
 *   <li>PDF pages without a text layer are OCR'd (strategy AUTO) when Tesseract is installed.</li>
 * </ul>
 * Plain text skips Tika's default TextAndCSVParser, which sniffs every text file for CSV
 * structure: that sniffing was a quarter of all CPU of a pipeline fed text files. Tika's
 * TXTParser detects the charset once and decodes; files named or detected as CSV/TSV still get
 * the CSV parser. The type found here is detected once: for PDF, text and markup the parser takes
 * it ({@link DetectOnceParser}). Text and markup are detected and parsed from the bytes in memory
 * ({@link Source}); everything else from the file, where PDF and Office parsers want it.
 * Thread-safe: Tika's parsers are, and each call builds its own handler and context.
 */
public final class TikaExtractor implements DocumentParser {

    private static final TikaConfig TIKA = TikaConfig.getDefaultConfig();
    /**
     * Besides text and markup, the one type whose magic detection needs no second opinion from
     * Tika's container detectors and whose parse must not pay for one: PDF. Zip and OLE
     * containers (Office, ODF, EPUB ...) and unknown bytes are detected in full by the parser.
     */
    private static final MediaType PDF = MediaType.application("pdf");

    /** Tika's parsers with TXTParser for text/plain and its sub-types (Markdown, source code ...) without a parser of their own. */
    private final DetectOnceParser parser;
    private final TXTParser plainText = new TXTParser(TIKA.getEncodingDetector());
    /** Name and magic bytes only: enough to tell text and markup; containers (zip, OLE) are left to the parser. */
    private final MimeTypes types = TIKA.getMimeRepository();
    private final int maxTextChars;
    private final OcrSupport ocr;
    private final Duration ocrTimeout;
    private final LanguageGuesser languages;

    public TikaExtractor(int maxTextChars, OcrSupport ocr, Duration ocrTimeout, LanguageGuesser languages) {
        this.maxTextChars = maxTextChars;
        this.ocr = ocr;
        this.ocrTimeout = ocrTimeout;
        this.languages = languages;
        this.parser = new DetectOnceParser(TIKA.getDetector(), TIKA.getParser(), plainText);
        parser.setAutoDetectParserConfig(TIKA.getAutoDetectParserConfig());
    }

    /** Reads the file into memory once and extracts it; for callers outside the inbox pipeline. */
    public Extraction extract(Path file) throws IOException, TikaException, SAXException {
        return extract(Source.read(file));
    }

    @Override
    public Extraction extract(Source source) throws IOException, TikaException, SAXException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, source.fileName());
        TextLimitHandler text = new TextLimitHandler(maxTextChars);
        ParseContext context = context();
        DecompressionGuard guard = new DecompressionGuard(context, source.size());
        context.set(EmbeddedDocumentExtractor.class, guard);
        MediaType type = quickType(source, metadata);
        boolean textual = textual(type);
        if (markup(type)) {
            try (InputStream raw = source.openRaw()) {
                MarkupNesting.check(raw);
            }
        }
        try (TikaInputStream in = source.open(metadata, textual)) {
            if (MediaType.TEXT_PLAIN.equals(type)) {
                // Known to be plain text: no second detection, no CSV sniffing.
                metadata.set(Metadata.CONTENT_TYPE, type.toString());
                plainText.parse(in, new BodyContentHandler(text), metadata, context);
            } else {
                if (textual || PDF.equals(type)) {
                    DetectOnceParser.settle(metadata, type);
                }
                parser.parse(in, new BodyContentHandler(text), metadata, context);
            }
        } catch (SAXException | TikaException | IOException e) {
            if (guard.exceeded()) {
                throw guard.failure();
            }
            throw e;
        }
        if (guard.exceeded()) {
            throw guard.failure();
        }
        String extracted = text.toString();
        return MetadataMapper.map(metadata, extracted, text.truncated(), languages.guess(extracted));
    }

    /**
     * The media type from the name and the first bytes; for a zip or OLE container this is only
     * the container (the parser looks inside), which is all a duplicate's event needs.
     */
    @Override
    public String detect(Source source) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, source.fileName());
        MediaType type = quickType(source, metadata);
        if (textual(type)) {
            return type.toString();
        }
        try (TikaInputStream in = source.open(metadata, false)) {
            return parser.getDetector().detect(in, metadata).getBaseType().toString();
        }
    }

    private MediaType quickType(Source source, Metadata metadata) throws IOException {
        try (TikaInputStream in = source.open(metadata, true)) {
            return types.detect(in, metadata).getBaseType();
        }
    }

    /** Types whose parsers read a stream front to back, so memory serves as well as the file. */
    private static boolean textual(MediaType type) {
        return "text".equals(type.getType()) || markup(type);
    }

    private static boolean markup(MediaType type) {
        return type.getSubtype().endsWith("html") || type.getSubtype().endsWith("xml");
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setOcrStrategy(ocr.available() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        if (ocr.available()) {
            tesseract.setLanguage(ocr.languages());
            tesseract.setTimeoutSeconds((int) Math.max(1, ocrTimeout.toSeconds()));
        } else {
            tesseract.setSkipOcr(true);
        }
        context.set(TesseractOCRConfig.class, tesseract);
        return context;
    }
}
