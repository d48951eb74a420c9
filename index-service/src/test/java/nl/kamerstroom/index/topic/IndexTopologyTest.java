package nl.kamerstroom.index.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.serde.SchemaRegistryClients;
import nl.kamerstroom.testkit.MutableClock;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexTopologyTest {

    private static final String REGISTRY = "mock://index-topology-test";
    private static final Clock FIXED = Clock.fixed(Documents.INDEXED_AT, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Topics topics;
    private Topology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedDocument> enriched;
    private TestInputTopic<byte[], byte[]> foreignClient;
    private TestOutputTopic<String, IndexDocument> index;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void setUp() {
        start(FIXED);
    }

    /** The service's own Streams properties, with an in-memory registry. */
    private void start(Clock clock) {
        IndexConfig config = IndexConfig.from(Settings.of(Map.of("INDEX_DIR", dataDir.toString(),
                "SCHEMA_REGISTRY_URL", REGISTRY, "INSTANCE_ID", "index-1")));
        topics = Topics.create(config.kafka().serdeConfig());
        topology = IndexTopology.build(topics.enriched, topics.index, topics.deadLetters, new IndexDocumentMapper(clock),
                "index-1", meters);
        driver = new TopologyTestDriver(topology, IndexTopicStream.properties(config));
        enriched = driver.createInputTopic(Topics.ENRICHED, topics.enriched.keySerde().serializer(),
                topics.enriched.valueSerde().serializer());
        foreignClient = driver.createInputTopic(Topics.ENRICHED, new ByteArraySerializer(), new ByteArraySerializer());
        index = driver.createOutputTopic(Topics.INDEX, topics.index.keySerde().deserializer(),
                topics.index.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        SchemaRegistryClients.dropMockScope(REGISTRY);
    }

    @Test
    void everyEnrichedDocumentBecomesAnIndexDocumentUnderTheSameKey() {
        enriched.pipeInput("a", Documents.ukraineLetter("a"));
        enriched.pipeInput("b", Documents.plain("b", "b.txt", "Een notitie."));

        assertThat(index.readKeyValuesToList()).containsExactly(
                KeyValue.pair("a", Documents.index(Documents.ukraineLetter("a"))),
                KeyValue.pair("b", Documents.index(Documents.plain("b", "b.txt", "Een notitie."))));
        assertThat(index.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    /**
     * A vote record's own metadata (title from its text, meeting date, chamber, Handelingen id) and
     * each motion's status and parties reach documents.index, the contract for outside stores.
     */
    @Test
    void aVoteRecordReachesTheIndexTopicWithItsMetadataAndTheMotionsStatus() {
        enriched.pipeInput("votes", Documents.motionRecord("votes", Documents.MOTION, LocalDate.of(2018, 6, 14),
                "aangenomen", List.of("SP", "PvdA"), List.of("VVD")));

        IndexDocument doc = index.readValue();
        assertThat(doc.getTitle()).isEqualTo("Stemmingen votes");
        assertThat(doc.getDate()).isEqualTo(LocalDate.of(2018, 6, 14));
        assertThat(doc.getChamber()).isEqualTo("Tweede Kamer");
        assertThat(doc.getDocumentId()).isEqualTo("h-tk-2018-votes");
        assertThat(doc.getEntities().getMotions()).singleElement().satisfies(motion -> {
            assertThat(motion.getDocumentId()).isEqualTo("kst-36180-12");
            assertThat(motion.getStatus()).isEqualTo("aangenomen");
            assertThat(motion.getVotesFor()).containsExactly("SP", "PvdA");
            assertThat(motion.getVotesAgainst()).containsExactly("VVD");
        });
        assertThat(index.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aTombstoneRemovesTheDocumentDownstream() {
        enriched.pipeInput("a", Documents.ukraineLetter("a"));
        enriched.pipeInput("a", (EnrichedDocument) null);

        assertThat(index.readKeyValue().value.getId()).isEqualTo("a");
        assertThat(index.readKeyValue()).isEqualTo(KeyValue.pair("a", null));
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void bytesAForeignClientWroteGoToTheDeadLetterTopicAsTheyWereAndTheNextDocumentIsIndexed() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        foreignClient.pipeInput(bytes("x"), garbage);
        enriched.pipeInput("a", Documents.ukraineLetter("a"));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(bytes("x"));
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter.headers(), DeadLetter.HEADER_TOPIC)).isEqualTo(Topics.ENRICHED);
        assertThat(header(letter.headers(), DeadLetter.HEADER_PARTITION)).isEqualTo("0");
        assertThat(header(letter.headers(), DeadLetter.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.DESERIALIZE);
        assertThat(header(letter.headers(), DeadLetter.HEADER_SERVICE)).isEqualTo("index");
        assertThat(header(letter.headers(), DeadLetter.HEADER_INSTANCE)).isEqualTo("index-1");
        assertThat(header(letter.headers(), DeadLetter.HEADER_EXCEPTION_MESSAGE)).contains("not in the Confluent Avro wire format");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(index.readKeyValue().key).isEqualTo("a");
        assertThat(index.isEmpty()).isTrue();
        assertThat(deadLetterCount(DeadLetter.DESERIALIZE)).isEqualTo(1);
    }

    @Test
    void aWireFormatRecordWithASchemaIdTheRegistryDoesNotKnowIsADeadLetter() {
        foreignClient.pipeInput(bytes("x"), new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 4, 6});

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.DESERIALIZE);
        assertThat(header(letter.headers(), DeadLetter.HEADER_EXCEPTION_MESSAGE)).contains("not found");
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void aRecordWithoutAKeyIsADeadLetterRatherThanARecordTheCompactedTopicWouldRefuse() {
        enriched.pipeInput((String) null, Documents.ukraineLetter("a"));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isNull();
        assertThat(letter.value()).isNotEmpty();
        assertThat(header(letter.headers(), DeadLetter.HEADER_EXCEPTION_MESSAGE)).contains("no key");
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void anIdLongerThanALuceneTermIsADeadLetterOfTheProcessStage() {
        String id = "x".repeat(40_000);
        enriched.pipeInput(id, Documents.plain(id, "a.txt", "Tekst."));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.PROCESS);
        assertThat(header(letter.headers(), DeadLetter.HEADER_EXCEPTION_MESSAGE))
                .contains("Document id is 40000 bytes");
        assertThat(index.isEmpty()).isTrue();
        assertThat(deadLetterCount(DeadLetter.PROCESS)).isEqualTo(1);
    }

    @Test
    void aKeywordLongerThanALuceneTermDoesNotCostTheDocument() {
        EnrichedDocument doc = Documents.ukraineLetter("a");
        doc.getSummary().setMinistryIds(List.of("BZ", "M".repeat(40_000)));
        enriched.pipeInput("a", doc);

        assertThat(index.readKeyValue().value.getSummary().getMinistryIds()).hasSize(2);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aDocumentTheMapperFailsOnIsADeadLetterAndTheStreamGoesOn() {
        driver.close();
        MutableClock failing = new MutableClock(Instant.EPOCH);
        failing.failWith(new IllegalStateException("mapper failure"));
        start(failing);
        enriched.pipeInput("a", Documents.ukraineLetter("a"));
        enriched.pipeInput("b", Documents.ukraineLetter("b"));

        assertThat(deadLetters.readRecordsToList()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("a", "b");
        assertThat(deadLetterCount(DeadLetter.PROCESS)).isEqualTo(2);
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void anIndexRecordLargerThanTheTopicAcceptsIsADeadLetterWithoutItsValue() {
        String text = "woord ".repeat(IndexDocumentProcessor.MAX_VALUE_BYTES / 6 + 1);
        enriched.pipeInput("big", Documents.plain("big", "big.txt", text));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.PRODUCE);
        assertThat(letter.value()).isNull();
        assertThat(Integer.parseInt(header(letter.headers(), DeadLetter.HEADER_VALUE_DROPPED)))
                .isGreaterThan(IndexDocumentProcessor.MAX_VALUE_BYTES);
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void processorsAndSinksHaveNames() {
        assertThat(topology.describe().toString()).contains("read-enriched-documents", "flatten-to-index-document",
                "write-index-documents", "write-dead-letters");
    }

    private double deadLetterCount(String stage) {
        return meters.get("kamerstroom.index.dlq").tag("topic", Topics.ENRICHED).tag("reason", stage).counter().count();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
