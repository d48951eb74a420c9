package nl.kamerstroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.schema.CountryMention;
import nl.kamerstroom.schema.IndexDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity pages over the Lucene store; OpenSearchStoreIT shows the OpenSearch store answers alike. */
class EntityReportTest {

    @TempDir
    Path dir;

    private SearchIndex index;
    private SearchStore search;

    @BeforeEach
    void setUp() throws IOException {
        index = SearchIndex.open(dir);
        index.upsert("letter", Documents.index(Documents.ukraineLetter("letter")));   // 2024-03-01, BZ, UA, kst-36045-53
        IndexDocument twice = Documents.about("twice", "Duitsland en nog eens Duitsland.", "FIN", "DE",
                LocalDate.of(2023, 6, 1), "10");
        twice.getEntities().setCountries(List.of(new CountryMention("DE", "Duitsland", "Duitsland", 0, 9),
                new CountryMention("DE", "Duitsland", "Duitsland", 22, 31)));
        index.upsert("twice", twice);
        index.upsert("june", Documents.about("june", "Duitsland in juni.", "DEF", "DE", LocalDate.of(2023, 6, 20), "5"));
        index.upsert("march", Documents.about("march", "Duitsland in maart.", "DEF", "DE", LocalDate.of(2024, 3, 2), "5"));
        IndexDocument undated = Documents.about("undated", "Duitsland zonder datum.", "DEF", "DE", null, "5");
        index.upsert("undated", undated);
        index.refresh();
        search = new DocumentSearch(index);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    @Test
    void countsDocumentsAndMentionsPerMonthAndListsNewestFirst() throws IOException {
        EntityReport germany = search.entity(EntityType.COUNTRY, "DE", 10, 0);

        assertThat(germany.documents()).isEqualTo(4);
        assertThat(germany.counted()).isEqualTo(4);
        assertThat(germany.mentions()).isEqualTo(5);
        assertThat(germany.months()).containsExactly(
                new EntityReport.Month("2023-06", 2, 3),
                new EntityReport.Month("2024-03", 1, 1),
                new EntityReport.Month(null, 1, 1));
        assertThat(germany.page()).extracting(d -> d.get("id")).containsExactly("march", "june", "twice", "undated");
        assertThat(germany.page().get(2)).containsEntry("mentions", 2);
        assertThat(germany.mention()).as("the newest document's (march)").containsEntry("name", "Land DE");
    }

    @Test
    void pagesThroughTheDocuments() throws IOException {
        EntityReport second = search.entity(EntityType.COUNTRY, "DE", 2, 2);

        assertThat(second.page()).extracting(d -> d.get("id")).containsExactly("twice", "undated");
        assertThat(search.entity(EntityType.COUNTRY, "DE", 2, 4).page()).isEmpty();
    }

    @Test
    void aMotionAndItsDossierAreFoundThroughTheMotionMention() throws IOException {
        EntityReport motion = search.entity(EntityType.MOTION, "kst-36045-53", 10, 0);

        assertThat(motion.documents()).isEqualTo(1);
        assertThat(motion.mentions()).isEqualTo(1);
        assertThat(motion.mention()).containsEntry("submitters", List.of("Kuzu")).containsEntry("number", "53");
        assertThat(motion.months()).containsExactly(new EntityReport.Month("2024-03", 1, 1));

        EntityReport dossier = search.entity(EntityType.DOSSIER, "36045", 10, 0);
        assertThat(dossier.documents()).isEqualTo(1);
        assertThat(dossier.mentions()).isEqualTo(1);
        assertThat(dossier.page()).extracting(d -> d.get("title")).containsExactly("Steun aan Oekraïne");
    }

    @Test
    void anEntityNoDocumentMentionsHasNothing() throws IOException {
        EntityReport none = search.entity(EntityType.MINISTRY, "XYZ", 10, 0);

        assertThat(none.documents()).isZero();
        assertThat(none.months()).isEmpty();
        assertThat(none.page()).isEmpty();
        assertThat(none.mention()).isNull();
    }

    /** The stores break ties in their own internal order; the page must not depend on it. */
    @Test
    void documentsOfTheSameDateAreListedByIdWhateverOrderTheStoreGaveThem() {
        Map<String, Object> b = Map.of("id", "b", "date", "2024-03-01", "countries", List.of(Map.of("id", "DE", "name", "Duitsland")));
        Map<String, Object> a = Map.of("id", "a", "date", "2024-03-01", "countries", List.of(Map.of("id", "DE", "name", "Germany")));
        Map<String, Object> older = Map.of("id", "0", "date", "2023-01-01", "countries", List.of(Map.of("id", "DE")));

        EntityReport report = EntityReport.of(EntityType.COUNTRY, "DE", new SearchStore.Mentioning(3, List.of(b, older, a)), 10, 0);

        assertThat(report.page()).extracting(d -> d.get("id")).containsExactly("a", "b", "0");
        assertThat(report.mention()).containsEntry("name", "Germany");
        assertThat(EntityReport.of(EntityType.COUNTRY, "DE", new SearchStore.Mentioning(3, List.of(a, b, older)), 10, 0))
                .isEqualTo(report);
    }

    @Test
    void typesAreNamedAsInAddresses() {
        assertThat(EntityType.byKey("ministry")).contains(EntityType.MINISTRY);
        assertThat(EntityType.byKey("planet")).isEmpty();
        assertThat(EntityType.DOSSIER.mentions(Map.of("kamerstukken", List.of(Map.of("dossier", "36045")),
                "motions", List.of(Map.of("dossier", "36045"), Map.of("dossier", "1"))), "36045")).hasSize(2);
    }
}
