package nl.kamerstroom.benchmarks;

import java.nio.file.Path;

/**
 * Entry point of all benchmarks: {@code java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
 * nl.kamerstroom.benchmarks.BenchmarkMain NAME}, run from the repository root. Add a case per benchmark.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    String name = args.length > 0 ? args[0] : "";
    switch (name) {
      case "extraction" -> ExtractionBenchmarkRun.run(
          Corpus.locate(System.getenv(Corpus.ENV), Path.of("")), System.out);
      default -> {
        System.err.println("usage: BenchmarkMain extraction");
        System.err.println("  extraction  entity extraction MB/s on the sample corpus ($" + Corpus.ENV
            + ", default ../shared/corpus beside the repository root) next to a count-spaces baseline");
        System.exit(2);
      }
    }
  }
}
