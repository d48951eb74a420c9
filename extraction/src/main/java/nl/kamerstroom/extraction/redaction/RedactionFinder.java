package nl.kamerstroom.extraction.redaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.extraction.Redaction;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;
import nl.kamerstroom.extraction.text.Tsv;

/**
 * Woo/Wob refusal-ground codes beside redacted passages: "5.1.2e", "5.1.2.e", "5.1.2 e", "10.2.e",
 * "5.2", "11.1". Codes with a letter are unambiguous; bare "5.2", "5.2.1", "5.1.5" and "11.1" look like
 * section numbers, so they count only in a document that also carries a lettered code.
 */
public final class RedactionFinder {

  private final Map<String, String> meanings;

  private RedactionFinder(Map<String, String> meanings) {
    this.meanings = Map.copyOf(meanings);
  }

  public static RedactionFinder load() {
    Map<String, String> m = new HashMap<>();
    for (String[] row : Tsv.read(RedactionFinder.class, "/nl/kamerstroom/extraction/woo-grounds.tsv")) {
      m.put(Tsv.field(row, 0), Tsv.field(row, 1));
    }
    return new RedactionFinder(m);
  }

  /** Redactions in the whole text (a pass of its own; {@link #scan()} joins the shared pass). */
  public List<Redaction> find(NormalizedText t) {
    Scan scan = scan();
    AnchorPass.runAlone(t, scan);
    return scan.redactions();
  }

  public Scan scan() {
    return new Scan();
  }

  /** Collects the redactions of one text in the shared pass. */
  public final class Scan implements AnchorPass.Handler {
    private final List<Redaction> out = new ArrayList<>();
    private boolean lettered;

    /** The codes found; none when no code had a letter (then bare "5.2" and "11.1" are section numbers). */
    public List<Redaction> redactions() {
      return lettered ? out : List.of();
    }

    @Override
    public String wordStartAnchors() {
      return "51";
    }

    @Override
    public int at(NormalizedText t, int i) {
      if (Character.isLetterOrDigit(t.at(i - 1)) || t.at(i - 1) == '.') {
        return i + 1;
      }
      int[] end = new int[1];
      String ground = ground(t, i, end);
      if (ground == null) {
        return i + 1;
      }
      lettered |= Character.isLetter(ground.charAt(ground.length() - 1));
      out.add(new Redaction(t.surface(i, end[0]), t.originalStart(i), t.originalEnd(end[0]), ground,
          meanings.get(ground)));
      return end[0];
    }
  }

  /** The canonical ground at p ("5.1.2e"), its end in end[0]; null if none. */
  private String ground(NormalizedText t, int p, int[] end) {
    int q = p;
    StringBuilder digits = new StringBuilder();
    while (true) {
      int s = q;
      while (Character.isDigit(t.at(q))) {
        q++;
      }
      if (q == s) {
        return null;
      }
      digits.append(t.surface(s, q));
      if (t.at(q) == '.' && Character.isDigit(t.at(q + 1)) && digits.length() < 5) {
        digits.append('.');
        q++;
        continue;
      }
      break;
    }
    String base = digits.toString();
    int l = q;
    if (t.at(l) == '.' || t.at(l) == ' ') {
      l++;
    }
    char letter = t.at(l);
    if (letter >= 'a' && letter <= 'i' && !Character.isLetter(t.at(l + 1)) && meanings.containsKey(base + letter)) {
      end[0] = l + 1;
      return base + letter;
    }
    if (meanings.containsKey(base) && !Character.isLetterOrDigit(t.at(q)) && !(t.at(q) == '.' && Character.isDigit(t.at(q + 1)))) {
      end[0] = q;
      return base;
    }
    return null;
  }
}
