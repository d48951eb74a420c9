package nl.kamerstroom.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.kamerstroom.schema.SampleEvents;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.KafkaStackExtension;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event type through the real broker and the real registry, and back. */
@ExtendWith(KafkaStackExtension.class)
class EventRoundTripIT {

    private final KafkaStack stack;

    EventRoundTripIT(KafkaStack stack) {
        this.stack = stack;
    }

    @TestFactory
    Stream<DynamicTest> everyEventSurvivesTheRealBrokerAndRegistry() {
        return Stream.of(SampleEvents.ingested(), SampleEvents.failed(), SampleEvents.enriched(),
                        SampleEvents.index(), SampleEvents.entityMentions(), SampleEvents.entityCount())
                .map(event -> DynamicTest.dynamicTest(event.getSchema().getName(), () -> roundTrip(event)));
    }

    private <T extends SpecificRecord> void roundTrip(T event) throws Exception {
        String topic = "roundtrip." + event.getSchema().getName() + "." + UUID.randomUUID();
        stack.createTopic(topic, 1, Map.of());
        AvroSerdeConfig config = new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new AvroSerializer<T>(config, false))) {
            producer.send(new ProducerRecord<>(topic, "key-1", event)).get();
        }

        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) event.getClass();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AvroDeserializer<>(type, config))) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, T> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    received = record;
                }
            }
            assertThat(received).as("record on %s", topic).isNotNull();
            assertThat(received.key()).isEqualTo("key-1");
            assertThat(received.value()).isEqualTo(event);
        }

        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.body()).contains(topic + "-value");
    }
}
