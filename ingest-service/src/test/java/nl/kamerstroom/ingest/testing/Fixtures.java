package nl.kamerstroom.ingest.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Test documents made on the spot, so no binary fixture lives in the repository. */
public final class Fixtures {

    /** 2024-03-15T10:00:00Z, the creation date every generated document carries. */
    public static final Calendar CREATED = new GregorianCalendar(TimeZone.getTimeZone("UTC"));

    static {
        CREATED.clear();
        CREATED.set(2024, Calendar.MARCH, 15, 10, 0, 0);
    }

    private Fixtures() {
    }

    /** A PDF with one page per paragraph, a text layer, and title/author/creation date. */
    public static byte[] pdf(String title, String author, String... paragraphs) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String paragraph : paragraphs) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(50, 750);
                    content.showText(paragraph);
                    content.endText();
                }
            }
            info(doc, title, author);
            return save(doc);
        }
    }

    /**
     * A PDF whose only page is a picture of the text: nothing to extract without OCR. The page is a
     * strip just large enough for the picture, so OCR at 300 dpi stays quick in tests.
     */
    public static byte[] scannedPdf(String... lines) throws IOException {
        BufferedImage image = new BufferedImage(1700, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 56));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 100 + i * 90);
        }
        g.dispose();
        try (PDDocument doc = new PDDocument()) {
            float width = PDRectangle.A4.getWidth();
            float height = width * image.getHeight() / image.getWidth();
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PDImageXObject picture = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, 0, 0, width, height);
            }
            return save(doc);
        }
    }

    public static byte[] encryptedPdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    /** The start of a real PDF followed by garbage: a header Tika recognises, a body nobody can read. */
    public static byte[] corruptPdf() throws IOException {
        byte[] pdf = pdf("Kapot", "Niemand", "Dit document is beschadigd.");
        byte[] corrupt = new byte[pdf.length];
        System.arraycopy(pdf, 0, corrupt, 0, 40);
        Random random = new Random(7);
        for (int i = 40; i < corrupt.length; i++) {
            corrupt[i] = (byte) random.nextInt(256);
        }
        return corrupt;
    }

    public static byte[] docx(String title, String author, String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : paragraphs) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            var core = doc.getProperties().getCoreProperties();
            core.setTitle(title);
            core.setCreator(author);
            core.setCreated(java.util.Optional.of(CREATED.getTime()));
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** An OpenDocument text: the zip layout LibreOffice writes, with title and author in meta.xml. */
    public static byte[] odt(String title, String author, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis."
                    + "opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\" "
                    + "manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"meta.xml\" "
                    + "manifest:media-type=\"text/xml\"/></manifest:manifest>");
            entry(zip, "meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta "
                    + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:"
                    + "xmlns:meta:1.0\" office:version=\"1.2\"><office:meta><dc:title>" + title + "</dc:title>"
                    + "<meta:initial-creator>" + author + "</meta:initial-creator><dc:creator>" + author
                    + "</dc:creator></office:meta></office:document-meta>");
            entry(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                    + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>"
                    + "</office:document-content>");
        }
        return bytes.toByteArray();
    }

    /** An RTF file in code page 1252 with title and author in its info group. */
    public static byte[] rtf(String title, String author, String text) {
        StringBuilder body = new StringBuilder();
        for (char c : text.toCharArray()) {
            body.append(c < 128 ? String.valueOf(c) : String.format("\\'%02x", (int) c));
        }
        return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}{\\info{\\title " + title
                + "}{\\author " + author + "}}\\f0\\fs24 " + body + "\\par}").getBytes(StandardCharsets.US_ASCII);
    }

    /** A plain-text e-mail. */
    public static byte[] eml(String from, String subject, String body) {
        return ("From: " + from + "\r\nTo: kamerleden@tweedekamer.nl\r\nSubject: " + subject
                + "\r\nDate: Fri, 15 Mar 2024 10:00:00 +0000\r\nMessage-ID: <1@tweedekamer.nl>\r\nMIME-Version: 1.0"
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    public static byte[] html(String title, String body) {
        return ("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><meta name=\"author\" content=\"Tweede Kamer\"></head><body><p>" + body
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] text(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static void info(PDDocument doc, String title, String author) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreationDate(CREATED);
        info.setModificationDate(CREATED);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
