package nl.kamerstroom.enrich.topology;

import static nl.kamerstroom.enrich.Documents.document;
import static nl.kamerstroom.enrich.Documents.kamerbrief;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.IngestedDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * entities.counts is an aggregation over the current set of documents: after any sequence of
 * new documents, the same document again, a document whose entities changed on reprocessing,
 * and deletes, every count equals a recount over the documents on documents.enriched, and
 * the latest rows on entities.mentions (each carrying the mentions of the row it replaces)
 * give the same totals.
 */
class EntityCountsTopologyTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.create();
    private static final String LETTER_ABOUT_GERMANY = "De Minister van Financiën schreef over Duitsland en Duitsland.";

    /** The rules in force: tests swap them to play an upgrade of the extractor. */
    private final AtomicReference<UnaryOperator<String>> rules = new AtomicReference<>(UnaryOperator.identity());

    @TempDir
    Path stateDir;
    private TopologyFixture fixture;
    private CurrentState state;

    @BeforeEach
    void start() {
        fixture = new TopologyFixture(text -> EXTRACTOR.extract(rules.get().apply(text)), stateDir);
        state = new CurrentState(fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void newDocumentsAreCounted() {
        fixture.ingest("a1", kamerbrief("a1"));
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));

        state.read();
        assertThat(state.counted()).isEqualTo(state.recount());
        assertThat(state.counted().get("COUNTRY:DE")).isEqualTo(new CurrentState.Totals(3, 2));
        assertThat(state.counted().get("MINISTRY:FIN")).isEqualTo(new CurrentState.Totals(2, 2));
    }

    @Test
    void eachMentionsRecordCarriesTheMentionsOfTheRowItReplacesAndTheCountsFollowThem() {
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));
        assertThat(changes()).containsExactly("MINISTRY:FIN 0->1", "COUNTRY:DE 0->2");
        assertThat(countChanges()).containsExactly("MINISTRY:FIN 1/1", "COUNTRY:DE 2/1");

        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));
        assertThat(changes()).isEmpty();
        assertThat(countChanges()).isEmpty();

        fixture.ingest("b2", document("b2", "De Minister van Financiën schreef over Duitsland en Frankrijk."));
        assertThat(changes()).containsExactly("COUNTRY:DE 2->1", "COUNTRY:FR 0->1");
        assertThat(countChanges()).containsExactly("COUNTRY:DE 1/1", "COUNTRY:FR 1/1");

        fixture.ingest("a1", document("a1", "Duitsland."));
        assertThat(changes()).containsExactly("COUNTRY:DE 0->1");
        assertThat(countChanges()).containsExactly("COUNTRY:DE 2/2");

        fixture.ingest("b2", null);
        assertThat(changes()).containsExactly("MINISTRY:FIN 1->0", "COUNTRY:DE 1->0", "COUNTRY:FR 1->0");
        // Null from the aggregator is a tombstone on entities.counts and deletes the entity from the store.
        assertThat(countChanges()).containsExactlyInAnyOrder("COUNTRY:DE 1/1", "MINISTRY:FIN deleted",
                "COUNTRY:FR deleted");
        var store = fixture.driver.<String, EntityCount>getTimestampedKeyValueStore(EnrichTopology.ENTITY_COUNTS_STORE);
        assertThat(store.get("MINISTRY:FIN")).isNull();
        assertThat(store.get("COUNTRY:FR")).isNull();
        assertThat(store.get("COUNTRY:DE").value().getDocuments()).isEqualTo(1);
    }

    @Test
    void theSameDocumentAgainCountsOnce() {
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));

        state.read();
        assertThat(state.counted()).isEqualTo(state.recount())
                .containsEntry("COUNTRY:DE", new CurrentState.Totals(2, 1));
    }

    @Test
    void aReprocessedDocumentWhoseEntitiesChangedReplacesItsOldContribution() {
        fixture.ingest("a1", kamerbrief("a1"));
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));
        state.read();
        assertThat(state.counted()).containsKey("COUNTRY:DE");

        // "New rules": Germany is no longer recognised, France is.
        rules.set(text -> text.replace("Duitsland", "Frankrijk"));
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));

        state.read();
        assertThat(state.counted()).isEqualTo(state.recount())
                .containsEntry("COUNTRY:FR", new CurrentState.Totals(2, 1))
                .containsEntry("COUNTRY:DE", new CurrentState.Totals(1, 1));
    }

    @Test
    void aDeleteRemovesTheDocumentsContributionAndAnEntityNoDocumentMentionsAnyMore() {
        fixture.ingest("a1", kamerbrief("a1"));
        fixture.ingest("b2", document("b2", LETTER_ABOUT_GERMANY));
        fixture.ingest("b2", null);

        state.read();
        assertThat(state.documents).containsOnlyKeys("a1");
        assertThat(state.counted()).isEqualTo(state.recount())
                .containsEntry("COUNTRY:DE", new CurrentState.Totals(1, 1));

        fixture.ingest("a1", null);
        state.read();
        assertThat(state.documents).isEmpty();
        assertThat(state.counts).isEmpty();
    }

    @Test
    void aDeleteOfADocumentNeverSeenChangesNothing() {
        fixture.ingest("a1", kamerbrief("a1"));
        state.read();
        Map<String, CurrentState.Totals> before = state.counted();

        fixture.ingest("zz", null);

        state.read();
        assertThat(state.counted()).isEqualTo(before).isEqualTo(state.recount());
    }

    @Test
    void countsEqualARecountAfterARandomMixOfNewReprocessedAndDeletedDocuments() {
        Random random = new Random(13);
        String[] texts = {LETTER_ABOUT_GERMANY, "De Minister van Buitenlandse Zaken bezocht Oekraïne en Moldavië.",
                "Een notitie zonder namen.", "Nederland steunt de motie over Oekraïne (Kamerstuk 36045, nr. 53)."};
        for (int step = 0; step < 300; step++) {
            String id = "d" + random.nextInt(12);
            int action = random.nextInt(10);
            if (action < 2) {
                fixture.ingest(id, null);
            } else if (action < 3) {
                rules.set(random.nextBoolean() ? UnaryOperator.identity() : text -> text.replace("Oekraïne", "Polen"));
            } else if (action < 4) {
                fixture.ingest(id, IngestedDocument.newBuilder(document(id, "")).setDuplicate(true).build());
            } else {
                fixture.ingest(id, document(id, texts[random.nextInt(texts.length)]));
            }
        }

        state.read();
        assertThat(state.documents).isNotEmpty();
        assertThat(state.counted()).isEqualTo(state.recount()).isEqualTo(state.fromRows());
        assertThat(state.wrongPreviousMentions).isEmpty();
    }

    /** The mentions records written since the last call, as {@code KEY previous->mentions}. */
    private List<String> changes() {
        return fixture.mentions.readKeyValuesToList().stream()
                .map(kv -> kv.key + " " + kv.value.getPreviousMentions() + "->" + kv.value.getMentions()).toList();
    }

    /** The count records written since the last call, as {@code KEY mentions/documents}. */
    private List<String> countChanges() {
        return fixture.counts.readKeyValuesToList().stream()
                .map(kv -> kv.key + " " + (kv.value == null ? "deleted"
                        : kv.value.getMentions() + "/" + kv.value.getDocuments())).toList();
    }
}
