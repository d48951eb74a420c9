package nl.kamerstroom.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU and memory of processes and threads as Linux's /proc reports them: the only way to see the
 * broker's and registry's JVMs and to split one JVM's CPU by the threads of each stage.
 */
final class ProcFs {

    /** USER_HZ: /proc counts CPU time in these ticks on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {}

    /** CPU seconds (user + system) the process has used so far; 0 once it is gone. */
    static double cpuSeconds(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) / TICKS_PER_SECOND;
    }

    /**
     * Resident memory: anonymous pages (heap, class metadata, code, thread stacks, native buffers) apart from
     * file-backed ones (mapped jars, libraries, Lucene's and the broker's mapped index files), which the kernel
     * can drop and re-read. All zero once the process is gone.
     */
    record Resident(long anonBytes, long fileBytes, long sharedMemoryBytes) {

        static final Resident NONE = new Resident(0, 0, 0);

        long bytes() {
            return anonBytes + fileBytes + sharedMemoryBytes;
        }
    }

    static Resident resident(long pid) {
        long anon = 0;
        long file = 0;
        long shared = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("RssAnon:")) {
                    anon = kilobytes(line);
                } else if (line.startsWith("RssFile:")) {
                    file = kilobytes(line);
                } else if (line.startsWith("RssShmem:")) {
                    shared = kilobytes(line);
                }
            }
        } catch (IOException e) {
            return Resident.NONE;
        }
        return new Resident(anon, file, shared);
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("\\D", "")) * 1024;
    }

    /** CPU seconds of each thread of the process, summed by {@code stageOf(thread name)}. */
    static Map<String, Double> cpuSecondsByStage(long pid, java.util.function.Function<String, String> stageOf) {
        Map<String, Double> stages = new LinkedHashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        List<Path> threads;
        try (Stream<Path> list = Files.list(tasks)) {
            threads = list.toList();
        } catch (IOException e) {
            return stages;
        }
        for (Path thread : threads) {
            try {
                String name = Files.readString(thread.resolve("comm")).strip();
                stages.merge(stageOf.apply(name), ticks(thread.resolve("stat")) / TICKS_PER_SECOND, Double::sum);
            } catch (IOException e) {
                // the thread ended between listing and reading
            }
        }
        return stages;
    }

    /** utime + stime: fields 14 and 15, counted after the ")" that ends the command name. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
