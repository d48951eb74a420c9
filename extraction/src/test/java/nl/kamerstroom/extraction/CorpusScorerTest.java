package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorer counts a motion's status and parties and the metadata fields as the corpus README says. */
class CorpusScorerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void scoresStatusAndPartiesOnlyOnMatchedMotionsWhoseGoldGivesThem() throws Exception {
    JsonNode gold = MAPPER.readTree("""
        {"motions": [
          {"dossier": "35925-VI", "number": "35", "status": "verworpen", "for": ["PVV", "FvD"]},
          {"dossier": "35925-VI", "number": "37", "status": "aangenomen", "against": ["SP"]},
          {"dossier": "35925-VI", "number": "40"}]}""");
    JsonNode pred = MAPPER.readTree("""
        {"motions": [
          {"dossier": "35925-VI", "number": "35", "status": "verworpen", "for": ["fvd", "PVV"]},
          {"dossier": "35925-VI", "number": "37", "status": "verworpen"},
          {"dossier": "35925-VI", "number": "40", "status": "aangenomen"}]}""");
    CorpusScorer.Counts counts = new CorpusScorer.Counts();
    Map<String, CorpusScorer.Accuracy> accuracy = accuracies();

    CorpusScorer.score("motions", gold, pred, counts, accuracy, "doc");

    assertThat(counts.tp).isEqualTo(3);
    assertThat(accuracy.get("status").correct).isEqualTo(1);
    assertThat(accuracy.get("status").total).isEqualTo(2);
    assertThat(accuracy.get("for").correct).isEqualTo(1);
    assertThat(accuracy.get("for").total).isEqualTo(1);
    assertThat(accuracy.get("against").correct).isZero();
    assertThat(accuracy.get("against").total).isEqualTo(1);
  }

  @Test
  void scoresMetadataPerFieldTitleIgnoringWhitespaceAndCase() throws Exception {
    JsonNode gold = MAPPER.readTree("""
        {"metadata": {"title": "Regeling van  werkzaamheden", "date": "2023-03-07", "type": "Handelingen",
                      "chamber": null, "id": "h-tk-20222023-58-3"}}""");
    JsonNode pred = MAPPER.readTree("""
        {"metadata": {"title": "regeling van werkzaamheden", "date": "2023-03-08", "documentType": "Handelingen",
                      "chamber": "Tweede Kamer", "id": "h-tk-20222023-58-3"}}""");
    Map<String, CorpusScorer.Accuracy> accuracy = accuracies();

    CorpusScorer.scoreMetadata("doc", gold, pred, accuracy);

    assertThat(accuracy.get("title").correct).isEqualTo(1);
    assertThat(accuracy.get("date").correct).isZero();
    assertThat(accuracy.get("type").correct).isEqualTo(1);
    assertThat(accuracy.get("chamber").correct).as("gold null: must be predicted absent").isZero();
    assertThat(accuracy.get("id").correct).isEqualTo(1);
    assertThat(accuracy.values()).allSatisfy(a -> assertThat(a.total).isEqualTo(a == accuracy.get("status")
        || a == accuracy.get("for") || a == accuracy.get("against") ? 0 : 1));
  }

  @Test
  void documentsWithoutGoldMetadataAreNotScored() throws Exception {
    Map<String, CorpusScorer.Accuracy> accuracy = accuracies();

    CorpusScorer.scoreMetadata("doc", MAPPER.readTree("{\"ministries\": []}"),
        MAPPER.readTree("{\"metadata\": {\"title\": \"x\"}}"), accuracy);

    assertThat(accuracy.values()).allSatisfy(a -> assertThat(a.total).isZero());
  }

  private static Map<String, CorpusScorer.Accuracy> accuracies() {
    Map<String, CorpusScorer.Accuracy> accuracy = new LinkedHashMap<>();
    CorpusScorer.METADATA_FIELDS.keySet().forEach(f -> accuracy.put(f, new CorpusScorer.Accuracy()));
    CorpusScorer.MOTION_ATTRIBUTES.forEach(a -> accuracy.put(a, new CorpusScorer.Accuracy()));
    return accuracy;
  }
}
