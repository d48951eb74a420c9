package nl.kamerstroom.index.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Properties;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.serde.SchemaRegistryClients;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexTopologyTest {

    private static final String REGISTRY = "mock://index-topology-test";

    private Topology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedDocument> enriched;
    private TestOutputTopic<String, IndexDocument> index;

    @BeforeEach
    void setUp() {
        Topics topics = Topics.create(new AvroSerdeConfig(REGISTRY, true, false));
        IndexDocumentMapper mapper = new IndexDocumentMapper(Clock.fixed(Documents.INDEXED_AT, ZoneOffset.UTC));
        topology = IndexTopology.build(topics.enriched, topics.index, mapper);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "index-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props);
        enriched = driver.createInputTopic(Topics.ENRICHED, topics.enriched.keySerde().serializer(),
                topics.enriched.valueSerde().serializer());
        index = driver.createOutputTopic(Topics.INDEX, topics.index.keySerde().deserializer(),
                topics.index.valueSerde().deserializer());
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
    void processorsHaveNames() {
        assertThat(topology.describe().toString())
                .contains("read-enriched-documents", "flatten-to-index-document", "write-index-documents");
    }
}
