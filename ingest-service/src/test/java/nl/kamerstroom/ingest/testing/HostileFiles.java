package nl.kamerstroom.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files made to hurt a parser: bombs, absurd nesting, noise. Small on disk, generated on the spot. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** HTML with {@code depth} nested div elements around one sentence. */
    public static byte[] deeplyNestedHtml(int depth) {
        StringBuilder html = new StringBuilder(depth * 11 + 100).append("<html><body>");
        html.append("<div>".repeat(depth)).append("diep genest").append("</div>".repeat(depth));
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A zip of one entry of {@code expandedBytes} copies of {@code fill}: ~1 KB on disk per MB expanded. */
    public static byte[] zipBomb(long expandedBytes, char fill) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(fill == 0 ? "nullen.bin" : "bijlage.txt"));
            writeRepeated(zip, expandedBytes, fill);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A gzip of {@code expandedBytes} zero bytes. */
    public static byte[] gzipBomb(long expandedBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writeRepeated(gzip, expandedBytes, (char) 0);
        }
        return bytes.toByteArray();
    }

    private static void writeRepeated(OutputStream out, long count, char fill) throws IOException {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) fill);
        for (long written = 0; written < count; written += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, count - written));
        }
    }

}
