package nl.kamerstroom.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.store.StoreDeadLetters;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The feeder's contract with Kafka when OpenSearch cannot take writes: pause, retry the same records, commit only after. */
class OpenSearchFeederTest {

    private static final String TOPIC = "documents.index";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    /** Nothing listens on port 1: every request fails to connect, as when the cluster is down. */
    private static final String CLUSTER_DOWN = "http://127.0.0.1:1";

    private final MockProducer<byte[], byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final StoreDeadLetters deadLetters = new StoreDeadLetters(deadLetterProducer, "documents.index.dlq",
            "replica-1", new SimpleMeterRegistry());

    /** A record a foreign client wrote, which the consumer cannot decode: one dead letter, and the feeder goes on past it. */
    @Test
    void anUndecodableRecordBecomesADeadLetterAndIsPassedOver() throws Exception {
        MockConsumer<String, IndexDocument> consumer = consumer();
        try (OpenSearchConnection connection = OpenSearchConnection.open(CLUSTER_DOWN);
             OpenSearchFeeder feeder = new OpenSearchFeeder(consumer, TOPIC, new DocumentsIndex(connection, "docs"),
                     deadLetters, new SimpleMeterRegistry())) {
            feeder.start();
            await(() -> !consumer.subscription().isEmpty());
            consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
            await(() -> consumer.assignment().contains(P0));
            consumer.setPollException(new RecordDeserializationException(RecordDeserializationException.DeserializationExceptionOrigin.VALUE,
                    P0, 0, 0L, TimestampType.CREATE_TIME, ByteBuffer.wrap(bytes("poison")), ByteBuffer.wrap(bytes("not avro")),
                    new RecordHeaders(), "not in the Confluent Avro wire format", new SerializationException("magic byte")));

            await(() -> deadLetterProducer.history().size() == 1);
            await(() -> consumer.position(P0) == 1);

            var letter = deadLetterProducer.history().getFirst();
            assertThat(letter.topic()).isEqualTo("documents.index.dlq");
            assertThat(letter.key()).isEqualTo(bytes("poison"));
            assertThat(letter.value()).isEqualTo(bytes("not avro"));
            assertThat(new String(letter.headers().lastHeader(DeadLetter.HEADER_OFFSET).value(), StandardCharsets.UTF_8))
                    .isEqualTo("0");
            assertThat(feeder.health().status()).doesNotStartWith("FAILED");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pausesAndCommitsNothingWhileTheClusterIsDown() throws Exception {
        MockConsumer<String, IndexDocument> consumer = consumer();
        try (OpenSearchConnection connection = OpenSearchConnection.open(CLUSTER_DOWN);
             OpenSearchFeeder feeder = new OpenSearchFeeder(consumer, TOPIC, new DocumentsIndex(connection, "docs"),
                     deadLetters, new SimpleMeterRegistry())) {
            feeder.start();
            offerTwoDocuments(consumer);

            await(() -> feeder.health().status().startsWith("BACK_PRESSURE"));
            await(() -> consumer.paused().equals(Set.of(P0, P1)));

            assertThat(feeder.health().up()).isFalse();
            assertThat(feeder.health().status()).contains("OpenSearch unavailable");
            assertThat(consumer.committed(Set.of(P0, P1))).isEmpty();
        }
    }

    /** A cluster that answers the first bulk requests with 429 (queue full), then takes the writes. */
    @Test
    void retriesTheSameRecordsAndCommitsOnlyOnceTheClusterTookThem() throws Exception {
        AtomicInteger bulkRequests = new AtomicInteger();
        HttpServer cluster = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cluster.createContext("/_bulk", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean busy = bulkRequests.incrementAndGet() <= 2;
            String item = busy
                    ? "{\"_index\":\"docs\",\"_id\":\"%s\",\"status\":429,\"error\":{\"type\":"
                            + "\"es_rejected_execution_exception\",\"reason\":\"queue full\"}}"
                    : "{\"_index\":\"docs\",\"_id\":\"%s\",\"_version\":1,\"result\":\"created\",\"status\":201}";
            byte[] body = ("{\"took\":1,\"errors\":" + busy + ",\"items\":[{\"index\":" + item.formatted("a")
                    + "},{\"index\":" + item.formatted("b") + "}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cluster.start();
        MockConsumer<String, IndexDocument> consumer = consumer();
        try (OpenSearchConnection connection = OpenSearchConnection.open("http://127.0.0.1:" + cluster.getAddress().getPort());
             OpenSearchFeeder feeder = new OpenSearchFeeder(consumer, TOPIC, new DocumentsIndex(connection, "docs"),
                     deadLetters, new SimpleMeterRegistry())) {
            feeder.start();
            offerTwoDocuments(consumer);

            await(() -> !consumer.committed(Set.of(P0)).isEmpty());

            assertThat(bulkRequests.get()).isEqualTo(3);
            assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(2);
            assertThat(consumer.paused()).isEmpty();
            await(feeder::caughtUp);
            assertThat(feeder.health().up()).isTrue();
        } finally {
            cluster.stop(0);
        }
    }

    private static MockConsumer<String, IndexDocument> consumer() {
        MockConsumer<String, IndexDocument> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 0L));
        return consumer;
    }

    /** Once the feeder subscribed: both partitions assigned, two documents on partition 0. */
    private static void offerTwoDocuments(MockConsumer<String, IndexDocument> consumer) {
        await(() -> !consumer.subscription().isEmpty());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "a", doc("a")));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "b", doc("b")));
        });
    }

    private static IndexDocument doc(String id) {
        return Documents.index(Documents.plain(id, id + ".txt", "tekst " + id));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
