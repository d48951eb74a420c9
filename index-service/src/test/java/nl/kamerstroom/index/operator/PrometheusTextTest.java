package nl.kamerstroom.index.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final PrometheusText METRICS = new PrometheusText("""
            # HELP kamerstroom_ingest_files_total Files by outcome
            # TYPE kamerstroom_ingest_files_total counter
            kamerstroom_ingest_files_total{outcome="done",service="ingest"} 18.0
            kamerstroom_ingest_files_total{outcome="failed",service="ingest"} 1.0
            kamerstroom_ingest_files_total{outcome="duplicate",service="ingest"} 2.0
            kamerstroom_index_documents{service="index"} 7.0
            kamerstroom_index_documents_indexed_total{operation="upsert",service="index"} 9.0
            kamerstroom_enrich_dlq_total{reason="has spaces in it",service="enrich"} 3.0
            plain_metric 4.5
            """);

    @Test
    void sumsTheSamplesThatCarryTheLabels() {
        assertThat(METRICS.sum("kamerstroom_ingest_files_total", Map.of())).isEqualTo(21.0);
        assertThat(METRICS.sum("kamerstroom_ingest_files_total", Map.of("outcome", "done"))).isEqualTo(18.0);
        assertThat(METRICS.sum("kamerstroom_enrich_dlq_total", Map.of())).isEqualTo(3.0);
        assertThat(METRICS.sum("plain_metric", Map.of())).isEqualTo(4.5);
    }

    @Test
    void aNameIsMatchedWholeNotAsAPrefix() {
        assertThat(METRICS.sum("kamerstroom_index_documents", Map.of())).isEqualTo(7.0);
    }

    @Test
    void anAbsentMetricOrLabelIsNull() {
        assertThat(METRICS.sum("kamerstroom_enrich_documents_total", Map.of())).isNull();
        assertThat(METRICS.sum("kamerstroom_ingest_files_total", Map.of("outcome", "lost"))).isNull();
    }
}
