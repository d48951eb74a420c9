package nl.kamerstroom.extraction.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the gazetteer resources: tab-separated rows, '#' comments, empty trailing fields kept. */
public final class Tsv {

  private Tsv() {}

  public static List<String[]> read(Class<?> anchor, String resource) {
    InputStream in = anchor.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("gazetteer resource missing from the classpath: " + resource);
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + resource, e);
    }
    return rows;
  }

  /** Field i, or "" when the row is shorter. */
  public static String field(String[] row, int i) {
    return i < row.length ? row[i].trim() : "";
  }
}
