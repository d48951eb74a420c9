package nl.kamerstroom.extraction.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kamerstroom.extraction.DocumentMetadata;
import nl.kamerstroom.extraction.MinistryMention;
import nl.kamerstroom.extraction.kamerstuk.Kamerstuk;
import nl.kamerstroom.extraction.kamerstuk.KamerstukParser;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * What a government document says about itself, read from its head and its page footer: the document
 * type from the heading ("BRIEF VAN DE MINISTER …" → Kamerbrief, "MOTIE VAN HET LID …" → motie), the date
 * ("Den Haag, 12 juli 2021", "Datum 3 maart 2021"), its own kamerstuk ("vergaderjaar 2020–2021, 35 420,
 * nr. 351") and the sender (the first minister in the heading).
 */
public final class MetadataFinder {

  /** Only the head of a document holds its heading and date. */
  private static final int HEAD = 3000;
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("januari", 1),
      Map.entry("februari", 2), Map.entry("maart", 3), Map.entry("april", 4), Map.entry("mei", 5),
      Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("augustus", 8), Map.entry("september", 9),
      Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("december", 12));
  private static final String[][] TYPES = {{"BRIEF VAN", "Kamerbrief"}, {"GEWIJZIGDE MOTIE", "motie"},
      {"MOTIE VAN", "motie"}, {"NOTA NAAR AANLEIDING", "nota"}, {"MEMORIE VAN TOELICHTING", "memorie van toelichting"},
      {"VERSLAG VAN", "verslag"}, {"AMENDEMENT VAN", "amendement"}, {"Aanbiedingsformulier", "aanbiedingsformulier"},
      {"Geachte voorzitter", "Kamerbrief"}};

  private MetadataFinder() {}

  /** The document's own kamerstuk, from the footer "vergaderjaar YYYY–YYYY, DOSSIER, nr. N". */
  public static Kamerstuk ownKamerstuk(NormalizedText t) {
    OwnKamerstukScan scan = new OwnKamerstukScan();
    AnchorPass.run(t, scan);
    return scan.kamerstuk();
  }

  /** Finds the own kamerstuk in the shared pass: the first "vergaderjaar …" that parses. */
  public static final class OwnKamerstukScan implements AnchorPass.Handler {
    private Kamerstuk found;

    public Kamerstuk kamerstuk() {
      return found;
    }

    @Override
    public String wordStartAnchors() {
      return "vV";
    }

    @Override
    public int at(NormalizedText t, int i) {
      char e = t.at(i + 1);
      if ((e == 'e' || e == 'E') && t.regionMatchesIgnoreCase(i, "vergaderjaar ")) {
        found = KamerstukParser.parse(t, i + 13, false);
      }
      return found == null ? i + 1 : Integer.MAX_VALUE;
    }
  }

  public static DocumentMetadata find(NormalizedText t, Kamerstuk own, List<MinistryMention> ministries) {
    int head = Math.min(t.length(), HEAD);
    String headText = t.surface(0, head);
    String type = null;
    for (String[] candidate : TYPES) {
      if (headText.contains(candidate[0])) {
        type = candidate[1];
        break;
      }
    }
    String sender = null;
    // only a letter names its sender in the heading; elsewhere the first minister is just mentioned
    for (MinistryMention m : "Kamerbrief".equals(type) ? ministries : List.<MinistryMention>of()) {
      if (m.start() < t.originalStart(head == 0 ? 0 : head - 1)
          && m.text().toLowerCase(Locale.ROOT).startsWith("minister ")) {
        sender = m.text();
        break;
      }
    }
    return new DocumentMetadata(title(t, head), date(t, head), type,
        own == null ? null : own.documentId(), sender);
  }

  /** The first markdown heading line ("# …", "## …") in the head of the original text, else null. */
  private static String title(NormalizedText t, int head) {
    String original = t.original();
    int limit = Math.min(original.length(), t.originalEnd(head));
    int line = 0;
    while (line < limit) {
      int eol = original.indexOf('\n', line);
      if (eol < 0 || eol > limit) {
        eol = limit;
      }
      String l = original.substring(line, eol).strip();
      if (l.startsWith("#")) {
        int hashes = 0;
        while (hashes < l.length() && l.charAt(hashes) == '#') {
          hashes++;
        }
        String title = l.substring(hashes).replace("*", "").strip();
        if (!title.isEmpty()) {
          return title;
        }
      }
      line = eol + 1;
    }
    return null;
  }

  /** First "D maand YYYY" in the head of the document. */
  private static LocalDate date(NormalizedText t, int head) {
    for (int i = 0; i < head; i++) {
      if (!Character.isDigit(t.charAt(i)) || Character.isDigit(t.at(i - 1))) {
        continue;
      }
      int d = i;
      while (Character.isDigit(t.at(d))) {
        d++;
      }
      if (d - i > 2 || (t.at(d) != ' ' && t.at(d) != '-')) {
        continue;
      }
      int ms = d + 1;
      int me = ms;
      while (Character.isLetter(t.at(me))) {
        me++;
      }
      Integer month = MONTHS.get(t.surface(ms, me).toLowerCase(Locale.ROOT));
      if (month == null || (t.at(me) != ' ' && t.at(me) != '-') || !fourDigits(t, me + 1)) {
        continue;
      }
      try {
        return LocalDate.of(Integer.parseInt(t.surface(me + 1, me + 5)), month,
            Integer.parseInt(t.surface(i, d)));
      } catch (DateTimeException e) {
        // not a calendar date ("31 februari"): keep looking
      }
    }
    return null;
  }

  private static boolean fourDigits(NormalizedText t, int p) {
    for (int k = 0; k < 4; k++) {
      if (!Character.isDigit(t.at(p + k))) {
        return false;
      }
    }
    return !Character.isDigit(t.at(p + 4));
  }
}
