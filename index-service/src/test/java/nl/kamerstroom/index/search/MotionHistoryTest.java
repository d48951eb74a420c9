package nl.kamerstroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which document's status is the last known one, from documents' JSON views as a store answers them. */
class MotionHistoryTest {

    private static final String MOTION = "kst-36180-12";

    @Test
    void theStatusOfTheLatestDocumentWinsWhateverOrderTheStoreAnswersIn() {
        MotionHistory history = MotionHistory.of(MOTION, found(
                view("adopted", "2024-03-12", mention("aangenomen")),
                view("postponed", "2024-02-01", mention("aangehouden")),
                view("later", "2024-04-01", mention(null))));

        assertThat(history.last().id()).isEqualTo("adopted");
        assertThat(history.history()).extracting(MotionHistory.Entry::id)
                .containsExactly("postponed", "adopted", "later");
    }

    @Test
    void onOneDayADecisionWinsOverAPostponementAndUndatedDocumentsCountAsOldest() {
        MotionHistory sameDay = MotionHistory.of(MOTION, found(
                view("a-votes", "2024-03-12", mention("verworpen")),
                view("b-regeling", "2024-03-12", mention("aangehouden"))));
        assertThat(sameDay.last().id()).isEqualTo("a-votes");

        MotionHistory undated = MotionHistory.of(MOTION, found(
                view("undated", null, mention("ingetrokken")),
                view("dated", "2019-01-01", mention("aangehouden"))));
        assertThat(undated.last().id()).isEqualTo("dated");
        assertThat(undated.history()).extracting(MotionHistory.Entry::id).containsExactly("undated", "dated");
    }

    @Test
    void aDocumentStatesTheLastStatusInItsTextAndMentionsOfOtherMotionsDoNotCount() {
        Map<String, Object> other = mention("verworpen");
        other.put("documentId", "kst-36180-13");
        MotionHistory history = MotionHistory.of(MOTION, found(
                view("debate", "2024-03-12", mention("aangehouden"), mention(null), other, mention("aangenomen"))));

        MotionHistory.Entry debate = history.history().getFirst();
        assertThat(debate.status()).isEqualTo("aangenomen");
        assertThat(debate.votesFor()).containsExactly("SP");
        assertThat(debate.mentions()).isEqualTo(3);
    }

    @Test
    void noStatedStatusMeansNoLastStatus() {
        MotionHistory history = MotionHistory.of(MOTION, found(view("letter", "2024-01-01", mention(null))));

        assertThat(history.last()).isNull();
        assertThat(history.history()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isNull();
            assertThat(entry.votesFor()).isEmpty();
        });
    }

    @SafeVarargs
    private static SearchStore.Mentioning found(Map<String, Object>... views) {
        return new SearchStore.Mentioning(views.length, List.of(views));
    }

    @SafeVarargs
    private static Map<String, Object> view(String id, String date, Map<String, Object>... mentions) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", id);
        view.put("date", date);
        view.put("title", "Titel " + id);
        view.put("motions", new ArrayList<>(List.of(mentions)));
        return view;
    }

    private static Map<String, Object> mention(String status) {
        Map<String, Object> mention = new HashMap<>();
        mention.put("documentId", MOTION);
        mention.put("submitters", List.of("Kuzu"));
        if (status != null) {
            mention.put("status", status);
            mention.put("votesFor", List.of("SP"));
        }
        return mention;
    }
}
