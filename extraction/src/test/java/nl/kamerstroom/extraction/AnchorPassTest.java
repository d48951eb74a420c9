package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;
import org.junit.jupiter.api.Test;

/**
 * The anchors noted while normalising ({@link AnchorPass#normalize}) are exactly those a pass over the finished
 * buffer finds: same positions, same handlers, in the same order.
 */
class AnchorPassTest {

  /** Notes every call; wants to be called again at the next char. */
  private static final class CallLog implements AnchorPass.Handler {
    private final String anywhere;
    private final String atWordStart;
    private final List<String> prefixes;
    final List<Integer> calls = new ArrayList<>();

    CallLog(String anywhere, String atWordStart, List<String> prefixes) {
      this.anywhere = anywhere;
      this.atWordStart = atWordStart;
      this.prefixes = prefixes;
    }

    @Override
    public String anchors() {
      return anywhere;
    }

    @Override
    public String wordStartAnchors() {
      return atWordStart;
    }

    @Override
    public List<String> wordStartPrefixes() {
      return prefixes;
    }

    @Override
    public int at(NormalizedText t, int i) {
      calls.add(i);
      return i + 1;
    }
  }

  private static CallLog[] handlers() {
    return new CallLog[] {new CallLog("€(-", "0123456789E", List.of("mo", "Mo")),
        new CallLog("", "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÖ", List.of("mi", "va")), new CallLog("ë’", "51", List.of())};
  }

  private static List<List<Integer>> callsWhileNormalising(String text) {
    CallLog[] logs = handlers();
    AnchorPass pass = AnchorPass.of(logs);
    pass.run(pass.normalize(text), logs);
    return Stream.of(logs).map(l -> l.calls).toList();
  }

  private static List<List<Integer>> callsAfterNormalising(String text) {
    CallLog[] logs = handlers();
    AnchorPass.of(logs).run(NormalizedText.of(text), logs);
    return Stream.of(logs).map(l -> l.calls).toList();
  }

  @Test
  void findsTheSameAnchorsAcrossPdfArtefacts() {
    String text = " \u00A0Motie-\nvan de Minister-\nPresident, ontwikkelings-\nsamenwerking  € 5 mln\r\n\t(Kamer-"
        + "\nstuk 36045)\u00AD Oek\u200Braïne België’s ÅLAND Öland-\n  Eiland EU-\nmiddelen 51 x51 5-1 mo";
    List<List<Integer>> calls = callsWhileNormalising(text);
    assertThat(calls).isEqualTo(callsAfterNormalising(text));
    assertThat(calls.get(0)).isNotEmpty();
    assertThat(calls.get(1)).isNotEmpty();
    assertThat(calls.get(2)).isNotEmpty();
  }

  @Test
  void findsTheSameAnchorsInEveryCorpusDocument() throws IOException {
    for (String corpus : List.of("sample", "dev")) {
      try (Stream<Path> files = Files.list(Path.of(System.getProperty("kamerstroom.corpora"), corpus))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          String text = Files.readString(file);
          assertThat(callsWhileNormalising(text)).as(file.toString()).isEqualTo(callsAfterNormalising(text));
        }
      }
    }
  }
}
