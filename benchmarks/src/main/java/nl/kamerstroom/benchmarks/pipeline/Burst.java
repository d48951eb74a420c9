package nl.kamerstroom.benchmarks.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One burst: documents moved into the inbox at once until all were searchable, and what it cost. */
record Burst(String name, int documents, Duration took, Map<String, Double> cpuSecondsByProcess,
             Map<String, Double> cpuSecondsByStage, Map<String, Double> jvmSecondsByProcess, long peakRssBytes,
             Map<String, ProcFs.Resident> residentAtPeak) {

    /** CPU of the JIT compiler threads of every JVM of the stack. */
    double jitSeconds() {
        return jvmSecondsByProcess.entrySet().stream().filter(e -> e.getKey().endsWith(" JIT"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    double cpuMillisPerDocWithoutJit() {
        return (cpuSeconds() - jitSeconds()) * 1000 / documents;
    }

    double jitShare() {
        return jitSeconds() / cpuSeconds();
    }

    double perSecond() {
        return documents / (took.toNanos() / 1e9);
    }

    double cpuSeconds() {
        return cpuSecondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double cpuMillisPerDoc() {
        return cpuSeconds() * 1000 / documents;
    }

    /** Per process, anonymous and file-backed resident MB at the stack's peak ("broker anon", "broker file" ...). */
    Map<String, Long> residentMegabytes() {
        Map<String, Long> megabytes = new LinkedHashMap<>();
        residentAtPeak.forEach((process, resident) -> {
            megabytes.put(process + " anon", resident.anonBytes() >> 20);
            megabytes.put(process + " file", resident.fileBytes() >> 20);
        });
        return megabytes;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documents", documents);
        json.put("seconds", took.toMillis() / 1e3);
        json.put("docsPerSecond", perSecond());
        json.put("cpuMillisPerDoc", cpuMillisPerDoc());
        json.put("cpuMillisPerDocWithoutJit", cpuMillisPerDocWithoutJit());
        json.put("cpuSecondsByProcess", cpuSecondsByProcess);
        json.put("cpuSecondsByStageInServicesJvm", cpuSecondsByStage);
        json.put("gcAndJitCpuSecondsByProcess", jvmSecondsByProcess);
        json.put("peakRssMB", peakRssBytes >> 20);
        json.put("residentMBAtPeakByProcess", residentMegabytes());
        return json;
    }
}
