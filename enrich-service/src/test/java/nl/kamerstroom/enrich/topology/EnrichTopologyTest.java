package nl.kamerstroom.enrich.topology;

import static nl.kamerstroom.enrich.Documents.KAMERBRIEF;
import static nl.kamerstroom.enrich.Documents.document;
import static nl.kamerstroom.enrich.Documents.kamerbrief;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.kamerstroom.enrich.entities.ExtractorVersion;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.schema.CurrencyTotal;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.EntitySummary;
import nl.kamerstroom.schema.EntityType;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.schema.MinistryMention;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

    @TempDir
    Path stateDir;
    private TopologyFixture fixture;

    @BeforeEach
    void start() {
        fixture = new TopologyFixture(EXTRACTOR::extract, stateDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void enrichesADocumentWithItsEntitiesAndSummary() {
        IngestedDocument input = kamerbrief("a1");
        fixture.ingested.pipeInput("a1", input);

        KeyValue<String, EnrichedDocument> output = fixture.enriched.readKeyValue();
        assertThat(output.key).isEqualTo("a1");
        EnrichedDocument enriched = output.value;
        assertThat(enriched.getDocument()).isEqualTo(input);
        assertThat(enriched.getEnrichedAt()).isEqualTo(TopologyFixture.NOW);
        assertThat(enriched.getExtractionMicros()).isNotNegative();
        assertThat(enriched.getExtractorVersion()).isEqualTo(ExtractorVersion.CURRENT).matches("\\d+\\.\\d+.*");

        MinistryMention first = enriched.getEntities().getMinistries().get(0);
        assertThat(first.getId()).isEqualTo("BZ");
        assertThat(first.getName()).isEqualTo("Ministerie van Buitenlandse Zaken");
        assertThat(first.getTooiUri()).startsWith("https://identifier.overheid.nl/tooi/id/ministerie/");
        assertThat(KAMERBRIEF.substring(first.getStart(), first.getEnd())).isEqualTo(first.getText());
        assertThat(enriched.getEntities().getMotions()).singleElement().satisfies(motion -> {
            assertThat(motion.getSubmitters()).containsExactly("Kuzu");
            assertThat(motion.getDocumentId()).isEqualTo("kst-36045-53");
        });

        EntitySummary summary = enriched.getSummary();
        assertThat(summary.getMinistryIds()).containsExactly("BZ", "FIN");
        assertThat(summary.getCountryIds()).containsExactly("UA", "NL", "MD", "DE");
        assertThat(summary.getMotionIds()).containsExactly("kst-36045-53");
        assertThat(summary.getDossiers()).containsExactly("36045", "21501-02");
        assertThat(summary.getAmountTotals()).containsExactly(
                new CurrencyTotal("EUR", new BigDecimal("302500000.00"), 2));
        assertThat(summary.getRedactionCount()).isEqualTo(1);
        assertThat(summary.getRedactionGrounds()).containsExactly("5.1.2e");

        assertThat(enriched.getTextMetadata().getDate()).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(enriched.getTextMetadata().getDocumentType()).isEqualTo("Kamerbrief");
        assertThat(fixture.counter("kamerstroom.enrich.documents", "outcome", "enriched")).isEqualTo(1);
        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(fixture.deadLetterProducer.history()).isEmpty();
    }

    @Test
    void writesOneMentionsRecordPerEntityKeyedByEntity() {
        fixture.ingested.pipeInput("a1", kamerbrief("a1"));

        Map<String, EntityMentions> mentions = fixture.mentions.readKeyValuesToMap();
        assertThat(mentions).containsOnlyKeys("MINISTRY:BZ", "MINISTRY:FIN", "COUNTRY:UA", "COUNTRY:NL",
                "COUNTRY:MD", "COUNTRY:DE", "MOTION:kst-36045-53", "KAMERSTUK:36045", "KAMERSTUK:21501-02",
                "AMOUNT:EUR", "REDACTION:5.1.2e");
        EntityMentions bz = mentions.get("MINISTRY:BZ");
        assertThat(bz.getEntityType()).isEqualTo(EntityType.MINISTRY);
        assertThat(bz.getEntityId()).isEqualTo("BZ");
        assertThat(bz.getEntityName()).isEqualTo("Ministerie van Buitenlandse Zaken");
        assertThat(bz.getDocumentId()).isEqualTo("a1");
        assertThat(bz.getFileName()).isEqualTo("a1.txt");
        assertThat(bz.getTitle()).isEqualTo("Steun aan Oekraïne");
        assertThat(bz.getMentions()).isEqualTo(2);
        assertThat(bz.getPreviousMentions()).as("a new document mentioned nothing before").isZero();
        assertThat(bz.getFirstOffset()).isZero();
        assertThat(mentions.get("COUNTRY:UA").getMentions()).isEqualTo(3);
        assertThat(mentions.get("AMOUNT:EUR").getMentions()).isEqualTo(2);
        assertThat(fixture.mentions.isEmpty()).isTrue();
    }

    @Test
    void countsFromEntitiesMentionsWithoutARepartitionTopicOrASecondCopyOfTheRows() {
        TopologyDescription description = fixture.topology.describe();
        Set<String> topics = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    topics.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    topics.add(sink.topic());
                } else if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }

        // Subtopology 0 writes entities.mentions, subtopology 1 reads it back and counts.
        assertThat(description.subtopologies()).hasSize(2);
        assertThat(topics).containsExactlyInAnyOrder(Topics.INGESTED, Topics.ENRICHED, Topics.ENTITY_MENTIONS,
                Topics.ENTITY_COUNTS);
        assertThat(stores).containsExactlyInAnyOrder(EnrichTopology.DOCUMENT_ENTITIES_STORE,
                EnrichTopology.ENTITY_COUNTS_STORE);
    }

    @Test
    void countsMentionsAndDocumentsPerEntity() {
        fixture.ingested.pipeInput("a1", kamerbrief("a1"));
        fixture.ingested.pipeInput("b2", document("b2", "De Minister van Buitenlandse Zaken bezocht Oekraïne."));

        Map<String, EntityCount> counts = fixture.counts.readKeyValuesToMap();
        EntityCount bz = counts.get("MINISTRY:BZ");
        assertThat(bz.getEntityType()).isEqualTo(EntityType.MINISTRY);
        assertThat(bz.getEntityId()).isEqualTo("BZ");
        assertThat(bz.getDocuments()).isEqualTo(2);
        assertThat(bz.getMentions()).isEqualTo(3);
        assertThat(counts.get("COUNTRY:UA").getDocuments()).isEqualTo(2);
        assertThat(counts.get("COUNTRY:UA").getMentions()).isEqualTo(4);
        assertThat(counts.get("MINISTRY:FIN").getDocuments()).isEqualTo(1);
        assertThat(fixture.counts.isEmpty()).isTrue();
        assertThat(fixture.enrichedKeys()).containsExactly("a1", "b2");
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    @Test
    void neverEnrichesADocumentFlaggedDuplicateEvenWhenItArrivesBeforeTheOriginal() {
        // Ingest sends the second copy of the same bytes without text; it may overtake the original.
        IngestedDocument emptyCopy = IngestedDocument.newBuilder(document("a1", "")).setDuplicate(true).build();
        fixture.ingest("a1", emptyCopy);
        fixture.ingest("a1", kamerbrief("a1"));
        fixture.ingest("a1", emptyCopy);

        assertThat(fixture.enriched.readValuesToList()).singleElement()
                .satisfies(enriched -> assertThat(enriched.getDocument().getText()).isEqualTo(KAMERBRIEF));
        assertThat(fixture.counter("kamerstroom.enrich.documents", "outcome", "duplicate")).isEqualTo(2);
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    @Test
    void aDocumentFlaggedDuplicateWhoseOriginalNeverCameLeavesNoEmptyDocument() {
        fixture.ingest("c3", IngestedDocument.newBuilder(document("c3", "")).setDuplicate(true).build());

        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(fixture.mentions.isEmpty()).isTrue();
        assertThat(fixture.counts.isEmpty()).isTrue();
    }

    @Test
    void enrichesADocumentAgainAsANewVersionThatCountsOnce() {
        fixture.ingest("a1", kamerbrief("a1"));
        fixture.ingest("a1", kamerbrief("a1"));

        assertThat(fixture.enrichedKeys()).containsExactly("a1", "a1");
        // The second enrichment changed no (document, entity) row, so it wrote no mentions and no counts.
        List<KeyValue<String, EntityCount>> counts = fixture.counts.readKeyValuesToList();
        assertThat(counts).hasSize(11).filteredOn(kv -> kv.key.equals("MINISTRY:BZ")).singleElement()
                .satisfies(bz -> assertThat(bz.value.getDocuments()).isEqualTo(1))
                .satisfies(bz -> assertThat(bz.value.getMentions()).isEqualTo(2));
        assertThat(fixture.mentions.readKeyValuesToList()).hasSize(11);
        assertThat(fixture.mentions.isEmpty()).isTrue();
        assertThat(fixture.counts.isEmpty()).isTrue();
    }

    @Test
    void aTombstoneDeletesTheDocumentDownstreamAndTakesItOutOfTheCounts() {
        fixture.ingest("a1", kamerbrief("a1"));
        fixture.ingest("b2", document("b2", "De Minister van Buitenlandse Zaken bezocht Oekraïne."));
        fixture.ingest("a1", null);

        assertThat(fixture.enriched.readKeyValuesToList()).extracting(kv -> kv.key + (kv.value == null ? ":deleted" : ""))
                .containsExactly("a1", "b2", "a1:deleted");
        Map<String, EntityCount> counts = fixture.counts.readKeyValuesToMap();
        assertThat(counts.get("MINISTRY:BZ").getDocuments()).isEqualTo(1);
        assertThat(counts.get("MINISTRY:BZ").getMentions()).isEqualTo(1);
        assertThat(counts).containsEntry("MINISTRY:FIN", null).containsEntry("KAMERSTUK:36045", null);
        Map<String, EntityMentions> gone = fixture.mentions.readKeyValuesToList().stream()
                .filter(kv -> kv.value.getDocumentId().equals("a1") && kv.value.getMentions() == 0)
                .collect(java.util.stream.Collectors.toMap(kv -> kv.key, kv -> kv.value));
        assertThat(gone).hasSize(11).containsKey("MINISTRY:FIN");
        assertThat(fixture.counter("kamerstroom.enrich.documents", "outcome", "deleted")).isEqualTo(1);
        assertThat(fixture.deadLetterProducer.history()).isEmpty();
    }

    @Test
    void writesNoMentionsForADocumentWithoutEntities() {
        fixture.ingested.pipeInput("d4", document("d4", "Een tekst zonder namen of bedragen."));

        EnrichedDocument enriched = fixture.enriched.readValue();
        assertThat(enriched.getSummary().getMinistryIds()).isEmpty();
        assertThat(enriched.getSummary().getAmountTotals()).isEmpty();
        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(fixture.mentions.isEmpty()).isTrue();
        assertThat(fixture.counts.isEmpty()).isTrue();
    }
}
