package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import nl.kamerstroom.extraction.text.NormalizedText;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {

  @Test
  void joinsLineBreakHyphenationAndCollapsesWhitespace() {
    NormalizedText t = NormalizedText.of("ontwikkelings-\nsamenwerking  en\u00A0de\r\n\tKamer");
    assertThat(t.surface(0, t.length())).isEqualTo("ontwikkelingssamenwerking en de Kamer");
  }

  @Test
  void keepsHyphenBeforeConjunctionAndCapital() {
    NormalizedText t = NormalizedText.of("herstel-\nen vernieuwing, Rusland-\nOekraïne, EU-\nmiddelen");
    assertThat(t.surface(0, t.length())).isEqualTo("herstel- en vernieuwing, Rusland-Oekraïne, EU-middelen");
  }

  @Test
  void dropsSoftHyphensAndZeroWidthChars() {
    NormalizedText t = NormalizedText.of("Oek\u00ADra\u200Bïne");
    assertThat(t.surface(0, t.length())).isEqualTo("Oekraïne");
    assertThat(t.originalStart(0)).isZero();
    assertThat(t.originalEnd(t.length())).isEqualTo(10);
  }

  @Test
  void offsetsPointIntoTheOriginal() {
    String original = "  Zie  de ontwikkelings-\n   samenwerking\n\nhier";
    NormalizedText t = NormalizedText.of(original);
    String norm = t.surface(0, t.length());
    int s = norm.indexOf("ontwikkelingssamenwerking");
    int e = s + "ontwikkelingssamenwerking".length();
    assertThat(original.substring(t.originalStart(s), t.originalEnd(e)))
        .isEqualTo("ontwikkelings-\n   samenwerking");
    int h = norm.indexOf("hier");
    assertThat(original.substring(t.originalStart(h), t.originalEnd(h + 4))).isEqualTo("hier");
  }

  @Test
  void everyNormalisedCharMapsBackToTheSameCharOrToWhitespace() {
    String original = " \u00A0Kamer-\nstuk \t II\r\n2021/22,\u00AD 36\u00A0045 — herstel-\nen Zuid-\n  Soedan\n\nEINDE ";
    NormalizedText t = NormalizedText.of(original);
    for (int i = 0; i < t.length(); i++) {
      char norm = t.charAt(i);
      char orig = original.charAt(t.originalStart(i));
      if (norm == ' ') {
        assertThat(Character.isWhitespace(orig) || Character.isSpaceChar(orig)).as("position %d", i).isTrue();
      } else {
        assertThat(orig).as("position %d", i).isEqualTo(norm);
      }
    }
    assertThat(t.surface(0, t.length())).isEqualTo("Kamerstuk II 2021/22, 36 045 — herstel- en Zuid-Soedan EINDE ");
  }
}
