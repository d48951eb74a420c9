package nl.kamerstroom.launcher.documents;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.launcher.inspect.KafkaOptions;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Writes dead letters back to the topic they came from (header " + DlqReplayCommand.HEADER_TOPIC
                + "), with their original key, value and headers, once the cause is fixed (a larger MAX_RECORD_BYTES, "
                + "a fixed extractor, a registry back up).",
                "Each letter is replayed once: the position is kept in the consumer group " + DlqReplayCommand.GROUP
                        + "-TOPIC (--from-beginning replays every letter again). The services are idempotent by "
                        + "document id, so a letter replayed twice does no harm; one that fails again comes back as "
                        + "a new letter."})
public final class DlqReplayCommand implements Callable<Integer> {

    /** Kafka Connect's dead-letter header naming the source topic; every Kamerstroom dead letter has it. */
    static final String HEADER_TOPIC = "__connect.errors.topic";
    static final String GROUP = "kamerstroom-dlq-replay";
    private static final List<String> ERROR_HEADER_PREFIXES = List.of("__connect.errors.", "kamerstroom.errors.");
    private static final Duration POLL = Duration.ofMillis(500);

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.DEAD_LETTERS,
            description = "Dead-letter topic to replay (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--dry-run", description = "Only count the letters per target topic; write nothing, keep the position.")
    boolean dryRun;

    @Option(names = "--from-beginning", description = "Replay every letter on the topic, also those replayed before.")
    boolean fromBeginning;

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KafkaConfig config = kafka.kafkaConfig();
        Map<String, Object> props = new HashMap<>(KafkaClients.committedReader(config, "kamerstroom-dlq-replay",
                GROUP + "-" + topic));
        Map<String, Long> perTarget = new TreeMap<>();
        long withoutTarget = 0;
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             DocumentProducer producer = dryRun ? null : new DocumentProducer(config, "kamerstroom-dlq-replay")) {
            var infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                spec.commandLine().getErr().println("kamerstroom dlq replay: topic " + topic + " does not exist");
                return 1;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = committed.get(partition);
                if (fromBeginning || position == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, position.offset());
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(POLL)) {
                    if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue;
                    }
                    Header target = letter.headers().lastHeader(HEADER_TOPIC);
                    if (target == null) {
                        withoutTarget++;
                        continue;
                    }
                    String targetTopic = new String(target.value(), StandardCharsets.UTF_8);
                    perTarget.merge(targetTopic, 1L, Long::sum);
                    if (producer != null) {
                        producer.send(new ProducerRecord<>(targetTopic, null, letter.key(), letter.value(),
                                originalHeaders(letter.headers())));
                    }
                }
            }
            if (producer != null) {
                producer.close();
                Map<TopicPartition, OffsetAndMetadata> replayed = new HashMap<>();
                end.forEach((partition, offset) -> replayed.put(partition, new OffsetAndMetadata(offset)));
                consumer.commitSync(replayed);
            }
        }
        long total = perTarget.values().stream().mapToLong(Long::longValue).sum();
        out.printf("%s %d dead letters from %s%s%n", dryRun ? "Would replay" : "Replayed", total, topic,
                total == 0 ? "." : ":");
        perTarget.forEach((target, count) -> out.printf("  %-22s %d%n", target, count));
        if (withoutTarget > 0) {
            out.printf("Skipped %d records without a %s header (not written by a Kamerstroom service).%n",
                    withoutTarget, HEADER_TOPIC);
        }
        return 0;
    }

    /** The letter's headers without the error headers the dead-letter writer added. */
    static Headers originalHeaders(Headers headers) {
        RecordHeaders original = new RecordHeaders();
        for (Header header : headers) {
            if (ERROR_HEADER_PREFIXES.stream().noneMatch(header.key()::startsWith)) {
                original.add(header);
            }
        }
        return original;
    }
}
