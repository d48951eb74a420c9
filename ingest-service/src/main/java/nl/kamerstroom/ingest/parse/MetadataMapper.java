package nl.kamerstroom.ingest.parse;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Maps Tika's metadata onto the event's fields. Formats name the same thing differently
 * (dc:title, pdf:docinfo:title, meta:author ...); Tika normalises most of them to Dublin Core,
 * which is what we read first. Everything else goes into the event's free metadata map, capped so
 * a file with thousands of XMP entries cannot blow up the event.
 */
public final class MetadataMapper {

    static final int MAX_METADATA_ENTRIES = 200;
    static final int MAX_METADATA_VALUE_CHARS = 1_000;
    private static final String TESSERACT = "org.apache.tika.parser.ocr.TesseractOCRParser";
    private static final String PAGE_COUNT_KEY = "xmpTPg:NPages";

    private MetadataMapper() {
    }

    public static Extraction map(Metadata md, String text, boolean truncated, String language) {
        return new Extraction(text, truncated, contentType(md), first(md, TikaCoreProperties.TITLE),
                creator(md), date(md, TikaCoreProperties.CREATED), date(md, TikaCoreProperties.MODIFIED),
                pageCount(md), language, ocrUsed(md), rest(md));
    }

    /** The detected type without charset or other parameters; octet-stream when nothing matched. */
    public static String contentType(Metadata md) {
        String raw = md.get(Metadata.CONTENT_TYPE);
        MediaType type = raw == null ? null : MediaType.parse(raw);
        return type == null ? MediaType.OCTET_STREAM.toString() : type.getBaseType().toString();
    }

    /** Whether Tesseract read any of the text: it ran as a parser, or the PDF parser OCR'd pages. */
    static boolean ocrUsed(Metadata md) {
        boolean parsedByTesseract = Stream
                .of(TikaCoreProperties.TIKA_PARSED_BY, TikaCoreProperties.TIKA_PARSED_BY_FULL_SET)
                .flatMap(p -> Stream.of(md.getValues(p)))
                .anyMatch(TESSERACT::equals);
        Integer ocrPages = md.getInt(PDF.OCR_PAGE_COUNT);
        return parsedByTesseract || (ocrPages != null && ocrPages > 0);
    }

    private static String creator(Metadata md) {
        String creator = first(md, TikaCoreProperties.CREATOR);
        return creator != null ? creator : first(md, Office.AUTHOR);
    }

    private static Integer pageCount(Metadata md) {
        Integer pages = md.getInt(Office.PAGE_COUNT);
        if (pages == null && md.get(PAGE_COUNT_KEY) != null) {
            try {
                pages = Integer.valueOf(md.get(PAGE_COUNT_KEY).trim());
            } catch (NumberFormatException e) {
                pages = null;
            }
        }
        return pages;
    }

    private static String first(Metadata md, Property property) {
        String value = md.get(property);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant date(Metadata md, Property property) {
        Date date = md.getDate(property);
        return date == null ? null : date.toInstant();
    }

    private static Map<String, String> rest(Metadata md) {
        Map<String, String> out = new TreeMap<>();
        for (String name : md.names()) {
            if (out.size() >= MAX_METADATA_ENTRIES) {
                break;
            }
            String value = md.get(name);
            if (value != null && !value.isBlank()) {
                out.put(name, value.length() > MAX_METADATA_VALUE_CHARS
                        ? value.substring(0, MAX_METADATA_VALUE_CHARS) : value);
            }
        }
        return out;
    }
}
