package nl.kamerstroom.benchmarks.pipeline;

/**
 * Which pipeline stage a thread of the {@code up} JVM works for, by its name as /proc shows it
 * (cut to 15 characters). Kafka clients' network threads are named after the client, which the
 * cut hides, so their CPU is reported as one line of its own.
 */
final class Stages {

    static final String OTHER = "other (incl. ended threads)";

    private Stages() {}

    static String of(String thread) {
        if (thread.startsWith("ingest")) {
            return "ingest (watch, parse, publish)";
        }
        if (thread.startsWith("kamerstroom-enr") || thread.startsWith("enrich") || thread.startsWith("rocksdb")) {
            return "enrich (Streams thread, state)";
        }
        if (thread.startsWith("kamerstroom-ind") || thread.startsWith("index")) {
            return "index (topology, Lucene feeder)";
        }
        if (thread.startsWith("kafka-") || thread.startsWith("micrometer-kafk")) {
            return "Kafka client I/O";
        }
        // http-N: the services' HTTP server runs exchanges on a pool of threads named so (BoundedExchanges).
        if (thread.startsWith("http-") || thread.startsWith("HTTP") || thread.startsWith("HttpClient")) {
            return "HTTP (search API, health)";
        }
        String jvm = jvm(thread);
        return jvm.equals(OTHER) ? OTHER : "JVM " + jvm;
    }

    /** The JVM's own work in any of the stack's JVMs: "GC", "JIT", or {@link #OTHER}. */
    static String jvm(String thread) {
        // SerialGC collects on the VM Thread; the parallel collectors have GC/G1 worker threads.
        if (thread.equals("VM Thread") || thread.startsWith("GC") || thread.startsWith("G1")) {
            return "GC";
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "JIT";
        }
        return OTHER;
    }
}
