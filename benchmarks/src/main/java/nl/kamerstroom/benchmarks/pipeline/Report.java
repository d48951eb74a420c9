package nl.kamerstroom.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's one table: each pipeline figure beside the raw part it is compared with. */
final class Report {

    private record Row(String figure, double pipeline, double baseline, String baselineName) {
        double ratio() {
            return pipeline / baseline;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void row(String figure, double pipeline, double baseline, String baselineName) {
        rows.add(new Row(figure, pipeline, baseline, baselineName));
    }

    Map<String, Double> ratios() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        rows.forEach(r -> ratios.put(r.figure() + " / " + r.baselineName(), r.ratio()));
        return ratios;
    }

    void print(Burst warm, Burst text, Burst pdf, SteadyRate.Latencies latencies) {
        System.out.println();
        System.out.printf("| %-38s | %9s | %-22s | %9s | %6s |%n", "figure", "pipeline", "raw part, same files",
                "raw", "ratio");
        System.out.println("|---|---:|---|---:|---:|");
        for (Row r : rows) {
            System.out.printf("| %-38s | %9.1f | %-22s | %9.1f | %5.2f× |%n", r.figure(), r.pipeline(),
                    r.baselineName(), r.baseline(), r.ratio());
        }
        System.out.println();
        System.out.printf("Steady %d docs/s (%d documents): drop-to-searchable %s; ingested-to-searchable %s%n",
                latencies.perSecond(), latencies.documents(), latencies.dropToSearchable().line(),
                latencies.ingestedToSearchable().line());
        for (Burst burst : List.of(warm, text, pdf)) {
            System.out.printf("%s: peak RSS of the stack %d MB (MB by process at the peak %s); CPU s by process %s;"
                    + " in the services' JVM by stage %s; GC and JIT by process %s%n", burst.name(),
                    burst.peakRssBytes() >> 20, burst.residentMegabytes(),
                    rounded(burst.cpuSecondsByProcess()), rounded(burst.cpuSecondsByStage()),
                    rounded(burst.jvmSecondsByProcess()));
        }
    }

    private static Map<String, String> rounded(Map<String, Double> seconds) {
        Map<String, String> out = new LinkedHashMap<>();
        seconds.forEach((k, v) -> out.put(k, String.format("%.1f", v)));
        return out;
    }
}
