package nl.kamerstroom.extraction.kamerstuk;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * Kamerstuk references anywhere in the text: "Kamerstuk(ken) [I|II] [year,] DOSSIER, nr. N", a
 * parenthesised "(36045, nr. 53)", and public ids "kst-21501-02-2383".
 */
public final class KamerstukFinder {

  private KamerstukFinder() {}

  /** References in the whole text (a pass of its own; {@link Scan} joins the shared pass). */
  public static List<Kamerstuk> find(NormalizedText t) {
    Scan scan = new Scan();
    AnchorPass.runAlone(t, scan);
    return scan.references();
  }

  /** Collects the kamerstuk references of one text in the shared pass. */
  public static final class Scan implements AnchorPass.Handler {
    private final List<Kamerstuk> out = new ArrayList<>();

    public List<Kamerstuk> references() {
      return out;
    }

    @Override
    public String anchors() {
      return "(";
    }

    @Override
    public List<String> wordStartPrefixes() {
      return List.of("ka", "Ka", "KA", "ks");
    }

    @Override
    public int at(NormalizedText t, int i) {
      char c = t.charAt(i);
      Kamerstuk ks = null;
      if (c == '(') {
        ks = Character.isDigit(t.at(i + 1)) ? KamerstukParser.parse(t, i + 1, false) : null;
      } else if (!Character.isLetter(t.at(i - 1))) {
        if (t.regionMatchesIgnoreCase(i, "kamerstuk")) {
          ks = KamerstukParser.parse(t, i, false);
        } else if (t.regionMatches(i, "kst-")) {
          ks = documentId(t, i);
        }
      }
      if (ks == null) {
        return i + 1;
      }
      out.add(ks);
      return Math.max(ks.end(), i + 1);
    }
  }

  /** "kst-21501-02-2383": the last part is the number, the rest the dossier. */
  static Kamerstuk documentId(NormalizedText t, int i) {
    int s = i + 4;
    int e = s;
    while (Character.isLetterOrDigit(t.at(e)) || t.at(e) == '-' && Character.isLetterOrDigit(t.at(e + 1))) {
      e++;
    }
    String id = t.surface(s, e);
    int dash = id.lastIndexOf('-');
    if (dash <= 0 || !Character.isDigit(id.charAt(0))) {
      return null;
    }
    return new Kamerstuk(i, e, null, null, id.substring(0, dash), id.substring(dash + 1));
  }
}
