package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
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
 * Thread-safe: Tika's parsers are, and each call builds its own handler and context.
 */
public final class TikaExtractor {

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxTextChars;
    private final OcrSupport ocr;
    private final Duration ocrTimeout;
    private final LanguageGuesser languages;

    public TikaExtractor(int maxTextChars, OcrSupport ocr, Duration ocrTimeout, LanguageGuesser languages) {
        this.maxTextChars = maxTextChars;
        this.ocr = ocr;
        this.ocrTimeout = ocrTimeout;
        this.languages = languages;
    }

    public Extraction extract(Path file) throws IOException, TikaException, SAXException {
        long size = Files.size(file);
        MediaType type = MediaType.parse(detect(file));
        if (type != null && (type.getSubtype().endsWith("html") || type.getSubtype().endsWith("xml"))) {
            MarkupNesting.check(file);
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        TextLimitHandler text = new TextLimitHandler(maxTextChars);
        ParseContext context = context();
        DecompressionGuard guard = new DecompressionGuard(context, size);
        context.set(EmbeddedDocumentExtractor.class, guard);
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, new BodyContentHandler(text), metadata, context);
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

    /** The media type alone, from the name and the first bytes; for duplicates, which are not parsed. */
    public String detect(Path file) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            return parser.getDetector().detect(in, metadata).getBaseType().toString();
        }
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
