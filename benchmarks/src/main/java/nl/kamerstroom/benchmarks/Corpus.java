package nl.kamerstroom.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The benchmark texts: every *.txt of the sample corpus, in name order. */
public record Corpus(Path dir, List<String> texts) {

  /** Environment variable naming the corpus folder; default the sample corpus inside the repository. */
  public static final String ENV = "KAMERSTROOM_CORPUS";
  /** System property that hands the folder to JMH's forked JVMs. */
  public static final String PROPERTY = "kamerstroom.corpus";
  /** The annotated sample corpus, relative to the repository root. */
  public static final String IN_REPOSITORY = "extraction/corpus/sample";

  public static Corpus load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().map(Corpus::read).toList();
      if (texts.isEmpty()) {
        throw new IllegalStateException("no *.txt files in corpus folder " + dir.toAbsolutePath());
      }
      return new Corpus(dir, texts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list corpus folder " + dir.toAbsolutePath()
          + " (set " + ENV + ")", e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Size of the texts in UTF-8 bytes: the "MB" in MB/s. */
  public long utf8Bytes() {
    return texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
  }

  /**
   * $KAMERSTROOM_CORPUS, else extraction/corpus/sample under the repository root (the nearest folder up
   * from the working directory that holds pom.xml and benchmarks/).
   */
  public static Path locate(String env, Path workingDir) {
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    Path root = workingDir.toAbsolutePath();
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("benchmarks"))) {
        root = p;
        break;
      }
    }
    return root.resolve(IN_REPOSITORY);
  }
}
