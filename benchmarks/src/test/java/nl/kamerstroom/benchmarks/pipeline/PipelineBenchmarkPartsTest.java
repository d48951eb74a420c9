package nl.kamerstroom.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelineBenchmarkPartsTest {

    @Test
    void percentilesAreTakenFromTheSortedLatencies() {
        List<Duration> latencies = IntStream.rangeClosed(1, 100).mapToObj(i -> Duration.ofMillis(101 - i)).toList();
        SteadyRate.Percentiles p = SteadyRate.Percentiles.of(latencies);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void threadsAreCountedForTheirStage() {
        assertThat(Stages.of("ingest-parse-3")).startsWith("ingest");
        assertThat(Stages.of("kamerstroom-enr")).startsWith("enrich");
        assertThat(Stages.of("index-feeder")).startsWith("index");
        assertThat(Stages.of("C2 CompilerThre")).startsWith("JVM");
        assertThat(Stages.of("Finalizer")).isEqualTo(Stages.OTHER);
    }

    @Test
    void procFsSeesThisJvm() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcFs.cpuSeconds(pid)).isPositive();
        ProcFs.Resident resident = ProcFs.resident(pid);
        assertThat(resident.anonBytes()).isGreaterThan(10L << 20);
        assertThat(resident.fileBytes()).isPositive();
        assertThat(ProcFs.resident(Long.MAX_VALUE)).isEqualTo(ProcFs.Resident.NONE);
        assertThat(ProcFs.cpuSecondsByStage(pid, Stages::of)).containsKey(Stages.OTHER);
        assertThat(ProcFs.cpuSeconds(Long.MAX_VALUE)).isZero();
    }

    @Test
    void optionsHaveDefaultsAndRefuseUnknownNames() {
        PipelineBenchmark.Options defaults = PipelineBenchmark.Options.parse(new String[0]);
        assertThat(defaults.texts()).isEqualTo(2000);
        assertThat(defaults.rate()).isEqualTo(20);
        assertThat(PipelineBenchmark.Options.parse(new String[] {"--pdfs", "7"}).pdfs()).isEqualTo(7);
        assertThatThrownBy(() -> PipelineBenchmark.Options.parse(new String[] {"--txt", "1"}))
                .hasMessageContaining("unknown option --txt");
    }
}
