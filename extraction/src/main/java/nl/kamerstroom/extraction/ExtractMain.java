package nl.kamerstroom.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: {@code ExtractMain FILE…} prints one JSON line per plain-text file (the launcher's
 * {@code extract} command can delegate here until ingest offers Tika-parsed text).
 */
public final class ExtractMain {

  private ExtractMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: ExtractMain FILE...");
      System.exit(2);
    }
    EntityExtractor extractor = EntityExtractor.create();
    for (String arg : args) {
      String text = Files.readString(Path.of(arg), StandardCharsets.UTF_8);
      System.out.println(ExtractionJson.toJsonLine(arg, extractor.extract(text)));
    }
  }
}
