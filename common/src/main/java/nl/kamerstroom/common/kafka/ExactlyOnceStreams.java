package nl.kamerstroom.common.kafka;

import java.time.Duration;
import java.util.Properties;
import nl.kamerstroom.common.config.KafkaConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings every exactly-once topology of documents shares (enrich, and the
 * index topology), each with the reason it differs from the default. A service adds its own
 * (threads, state folder, handlers, static membership) on top.
 */
public final class ExactlyOnceStreams {

    static final int LINGER_MS = 5;
    static final int BUFFERED_RECORDS_PER_PARTITION = 1;
    static final int MAX_POLL_RECORDS = 2;

    private ExactlyOnceStreams() {
    }

    /**
     * @param commitInterval  how often a transaction commits: output is visible to read_committed
     *                        readers only then, so this bounds each hop's latency
     * @param maxRecordBytes  the largest record the topology writes, before compression
     */
    public static Properties properties(KafkaConfig config, String applicationId, Duration commitInterval,
                                        int maxRecordBytes) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + config.instanceId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicReplicationFactor());
        // Input offsets, output and store changelogs commit in one transaction: each record is
        // processed once, also across crashes.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Streams commits only when it processed something, so an idle service costs no transactions.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        // Streams' default linger is 100 ms. The commit flushes the producer anyway, so lingering
        // longer would save produce requests only when a commit's records trickle in; in a burst
        // the 256 KB batches fill first (measured: 0.5 enrich produce requests per document with
        // linger 5 ms and with 25 ms), while a linger that reaches the commit puts the produce and
        // its transaction verification in front of every commit (p50 drop-to-searchable 433-462 ms
        // against 340-403 ms with 5 ms, same machine and hour).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        // Documents are 20 KB and up: a 16 KB batch would hold less than one (2.7x slower).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), KafkaClients.DOCUMENT_BATCH_BYTES);
        // zstd shrinks text ~4x; multi-MB documents stay below the topics' 16 MiB limit.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRecordBytes);
        // Streams bounds what it reads ahead by records, not bytes: by default 1,000 per partition plus a
        // poll of 1,000. Heap dumps of bursts of texts of 10 million characters showed 364 MB of them read
        // ahead by enrich alone, and with 2 per partition in polls of 5 still several per task. One record
        // per partition and polls of two keep a text or two waiting whatever their size; the rest stays in
        // the topic (the consumer fetches Kafka's default 1 MB per partition, compressed).
        props.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, BUFFERED_RECORDS_PER_PARTITION);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), MAX_POLL_RECORDS);
        return props;
    }
}
