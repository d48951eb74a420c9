package nl.kamerstroom.benchmarks.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * End-to-end latency through a running topology at a modest, steady rate: from the moment a
 * document is written to documents.ingested (its record timestamp, which Streams carries over to
 * the output) until a read_committed consumer receives it on the output topic.
 */
final class LatencyProbe {

    private LatencyProbe() {
    }

    /** @return latencies in milliseconds, sorted */
    static List<Long> measure(Topology topology, Properties streamsProps, String outputTopic, KafkaConfig kafka,
                              Topics topics, List<IngestedDocument> documents, int perSecond) throws Exception {
        // Only the documents written from now on: the topic already holds the throughput runs' documents.
        streamsProps.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        try (KafkaStreams streams = new KafkaStreams(topology, streamsProps);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                     KafkaClients.committedReader(kafka, "bench-latency", null), new ByteArrayDeserializer(),
                     new ByteArrayDeserializer());
             KafkaProducer<String, IngestedDocument> producer = new KafkaProducer<>(
                     KafkaClients.documentProducer(kafka, "bench-latency"), new StringSerializer(),
                     topics.ingested.valueSerde().serializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(outputTopic).stream()
                    .map(p -> new TopicPartition(outputTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(10);
            }
            Thread pacer = Thread.ofPlatform().name("latency-producer").start(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
                long next = System.nanoTime();
                for (IngestedDocument document : documents) {
                    producer.send(new ProducerRecord<>(Topics.INGESTED, document.getId(), document));
                    next += interval;
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                }
            });
            List<Long> latencies = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(documents.size() / perSecond + 60);
            while (latencies.size() < documents.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    latencies.add(System.currentTimeMillis() - record.timestamp());
                }
            }
            pacer.join();
            Collections.sort(latencies);
            return latencies;
        }
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static String summary(List<Long> sorted) {
        return String.format("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (%d documents)", percentile(sorted, 0.5),
                percentile(sorted, 0.9), percentile(sorted, 0.99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1),
                sorted.size());
    }
}
