package nl.kamerstroom.index.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.kamerstroom.common.http.Health;

/**
 * Each stage's health and documents in and out, from the services' own counters (their
 * /metrics; this service's registry for the index stage). Counters start at zero when a
 * service starts, so the figures cover the current run of each service. Kafka offsets would
 * not do: exactly-once topics hold a commit marker per transaction, which takes an offset.
 */
final class PipelineStages implements AutoCloseable {

    /** A counter: metric name and the labels a sample must carry. */
    record Counter(String metric, Map<String, String> labels) {
        Long read(PrometheusText metrics) {
            Double value = metrics == null ? null : metrics.sum(metric, labels);
            return value == null ? null : value.longValue();
        }
    }

    /**
     * Where a stage's figures come from: {@code in} is the sum of its counters, {@code failed}
     * counts what it gave up on (failed files, dead letters).
     */
    record Definition(List<Counter> in, Counter out, Counter failed) {

        Long readIn(PrometheusText metrics) {
            Long sum = null;
            for (Counter counter : in) {
                Long value = counter.read(metrics);
                if (value != null) {
                    sum = sum == null ? value : sum + value;
                }
            }
            return sum;
        }
    }

    /** One stage as the view shows it; a count is null when the service could not be asked. */
    record Stage(String name, boolean up, String status, Long in, Long out, Long failed) {
    }

    static final String INDEX = "index";
    static final Map<String, Definition> DEFINITIONS = Map.of(
            "ingest", new Definition(List.of(new Counter("kamerstroom_ingest_claimed_total", Map.of())),
                    new Counter("kamerstroom_ingest_files_total", Map.of("outcome", "done")),
                    new Counter("kamerstroom_ingest_files_total", Map.of("outcome", "failed"))),
            // A dead letter was read too, but is not among the documents counted by outcome.
            "enrich", new Definition(List.of(new Counter("kamerstroom_enrich_documents_total", Map.of()),
                    new Counter("kamerstroom_enrich_dlq_total", Map.of())),
                    new Counter("kamerstroom_enrich_documents_total", Map.of("outcome", "enriched")),
                    new Counter("kamerstroom_enrich_dlq_total", Map.of())),
            INDEX, new Definition(List.of(new Counter("kamerstroom_index_documents_indexed_total", Map.of())),
                    new Counter("kamerstroom_index_documents", Map.of()),
                    new Counter("kamerstroom_index_records_skipped_total", Map.of())));

    private final List<OperatorConfig.ServiceAddress> services;
    private final ServiceProbe probe = new ServiceProbe();
    private final Supplier<Health> ownHealth;
    private final Supplier<String> ownMetrics;

    PipelineStages(List<OperatorConfig.ServiceAddress> services, Supplier<Health> ownHealth, Supplier<String> ownMetrics) {
        this.services = services;
        this.ownHealth = ownHealth;
        this.ownMetrics = ownMetrics;
    }

    /** Every configured service, then this one, in pipeline order. */
    List<Stage> read() {
        List<Stage> stages = new ArrayList<>();
        for (OperatorConfig.ServiceAddress service : services) {
            ServiceProbe.Answer answer = probe.probe(service.url());
            stages.add(stage(service.name(), answer.up(), answer.status(), answer.metrics()));
        }
        Health health = ownHealth.get();
        stages.add(stage(INDEX, health.up(), health.status(), new PrometheusText(ownMetrics.get())));
        return stages;
    }

    /** Documents each stage has put out so far (the index stage: changes applied), for throughput. */
    static Map<String, Long> outputs(List<Stage> stages) {
        Map<String, Long> outputs = new LinkedHashMap<>();
        for (Stage stage : stages) {
            outputs.put(stage.name(), INDEX.equals(stage.name()) ? stage.in() : stage.out());
        }
        return outputs;
    }

    private static Stage stage(String name, boolean up, String status, PrometheusText metrics) {
        Definition definition = DEFINITIONS.get(name);
        if (definition == null) {
            return new Stage(name, up, status, null, null, null);
        }
        return new Stage(name, up, status, definition.readIn(metrics), definition.out().read(metrics),
                definition.failed().read(metrics));
    }

    @Override
    public void close() {
        probe.close();
    }
}
