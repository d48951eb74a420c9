package nl.kamerstroom.benchmarks.enrich;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Runs one topology over a topic that is already full and measures how long it takes from
 * RUNNING until its committed offsets reach the end of the input: documents per second as a
 * read_committed reader downstream would see them, commits included. Also the CPU time the
 * application's own threads (stream threads, their clients' I/O threads) spent per document,
 * which other load on the machine disturbs far less than the wall clock, and the records its
 * producers wrote per document. CPU and records are taken once the application has gone quiet
 * (its producers wrote nothing for {@link #QUIET}), so that work still in flight behind the
 * input's offsets (repartition topics, a second subtopology) counts too.
 */
final class StreamsRun {

    /**
     * @param documentsPerSecond   wall-clock rate
     * @param cpuMicrosPerDocument CPU of the app's threads
     * @param recordsPerDocument   records the app's producers sent (outputs, repartition topics, changelogs)
     */
    record Result(double documentsPerSecond, double cpuMicrosPerDocument, double recordsPerDocument) {
    }

    private static final Duration POLL = Duration.ofMillis(20);
    /** Well over the commit interval: after this long without a send, nothing is in flight. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private StreamsRun() {
    }

    static Result measure(Topology topology, Properties props, Admin admin, String inputTopic, long documents,
                          Duration timeout) throws Exception {
        String group = props.getProperty("application.id");
        Map<TopicPartition, Long> end = endOffsets(admin, inputTopic);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                check(deadline, streams);
                Thread.sleep(5);
            }
            long started = System.nanoTime();
            long cpuBefore = cpuNanos(group);
            while (!reached(admin, group, end)) {
                check(deadline, streams);
                Thread.sleep(POLL.toMillis());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double records = awaitQuiet(streams, deadline);
            long cpu = cpuNanos(group) - cpuBefore;
            streams.close(Duration.ofSeconds(30));
            return new Result(documents / seconds, cpu / 1e3 / documents, records / documents);
        }
    }

    /** Waits until the application's producers sent nothing for {@link #QUIET}; returns how many records they sent. */
    private static double awaitQuiet(KafkaStreams streams, long deadline) throws InterruptedException {
        double sent = recordsSent(streams);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            check(deadline, streams);
            Thread.sleep(POLL.toMillis());
            double now = recordsSent(streams);
            if (now != sent) {
                sent = now;
                quietSince = System.nanoTime();
            }
        }
        return sent;
    }

    private static double recordsSent(KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals("record-send-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /** CPU time of the live threads whose name carries the application id. */
    private static long cpuNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().contains(applicationId)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void check(long deadline, KafkaStreams streams) {
        if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
            throw new IllegalStateException("Benchmark run did not finish (Streams state " + streams.state() + ")");
        }
    }

    private static boolean reached(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue());
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((ListOffsetsResult.ListOffsetsResultInfo) e.getValue())
                        .offset()));
    }
}
