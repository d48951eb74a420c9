package nl.kamerstroom.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import nl.kamerstroom.benchmarks.enrich.EnrichBenchmark;
import nl.kamerstroom.benchmarks.index.IndexBenchmark;
import nl.kamerstroom.benchmarks.ingest.IngestBenchmark;
import nl.kamerstroom.benchmarks.pipeline.PipelineBenchmark;

/**
 * Entry point of all benchmarks: {@code bin/kamerstroom bench NAME [ARGS…]}, or
 * {@code java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
 * nl.kamerstroom.benchmarks.BenchmarkMain NAME [ARGS…]} from the repository root.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    String name = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (name) {
      case "extraction" -> ExtractionBenchmarkRun.run(
          Corpus.locate(System.getenv(Corpus.ENV), Path.of("")), System.out);
      case "ingest" -> IngestBenchmark.main(rest);
      case "enrich" -> EnrichBenchmark.main(rest);
      case "index" -> IndexBenchmark.main(rest);
      case "pipeline" -> PipelineBenchmark.main(rest);
      default -> {
        System.err.println("usage: bin/kamerstroom bench extraction|ingest|enrich|index|pipeline [ARGS…]");
        System.err.println("  extraction               entity extraction MB/s on the sample corpus ($" + Corpus.ENV
            + ", default extraction/corpus/sample) next to a count-spaces baseline (JMH, one thread)");
        System.err.println("  ingest [TEXTS] [PDFS]    files/s and MB/s through ingest-service to a real broker,"
            + " next to bare Tika on the same files (default 2000 20 KB texts, 400 PDFs)");
        System.err.println("  enrich [DOCS]            documents/s through the enrich topology on a real broker,"
            + " next to a pass-through topology (default 3000 documents of ~20 KB)");
        System.err.println("  index [DOCS] [REBUILD]   documents/s indexed, query p50/p99 on DOCS documents,"
            + " rebuild time from the topic for REBUILD documents (default 100000 10000)");
        System.err.println("  pipeline [--texts 2000] [--pdfs 300] [--rate 20] [--seconds 30] [--json FILE]");
        System.err.println("                           bin/kamerstroom up as a user runs it: text and PDF bursts until"
            + " searchable, steady-rate latency, CPU and RSS per process, beside bare Tika, extraction, Lucene"
            + " and the broker alone on the same files");
        System.exit(2);
      }
    }
  }
}
