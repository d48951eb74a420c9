package nl.kamerstroom.extraction.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * The date a document states about itself, which wins over the file's metadata: for an answer to
 * Kamervragen the date it was received ("(ontvangen 4 april 2011)"), for questions the date they were
 * submitted ("(ingezonden …)"), else a labelled date ("Datum 3 maart
 * 2021", "Den Haag, (vrijdag) 12 juli 2021", "Vastgesteld …"), else a numeric date on a site's header line
 * among the first three ("Rijksoverheid | Rapport | 11-03-2022"), else the first "D maand YYYY" in the head,
 * else a numeric "12-09-2024" on one of the first three lines (news items). A memorie van toelichting or a bill
 * states none but a labelled one.
 */
final class DateFinder {

  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("januari", 1),
      Map.entry("februari", 2), Map.entry("maart", 3), Map.entry("april", 4), Map.entry("mei", 5),
      Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("augustus", 8), Map.entry("september", 9),
      Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("december", 12));
  /**
   * Printed kamerstukken that state no date of their own unless labelled: a memorie van toelichting and the
   * bill itself (their date is the day they were sent, which the print does not show).
   */
  private static final Set<String> UNDATED = Set.of("memorie van toelichting", "wetsvoorstel");
  private static final String[] WEEKDAYS = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
      "zondag"};
  private static final String[] LABELS = {"Datum ", "Datum: ", "Den Haag, ", "\u2019s-Gravenhage, ",
      "'s-Gravenhage, ", "Vastgesteld "};

  private DateFinder() {}

  /** Whether {@code line} opens with a dateline's label ("Datum 8 juni 2024", "Den Haag, …"). */
  static boolean isDateline(String line) {
    for (String label : LABELS) {
      if (line.startsWith(label)) {
        return true;
      }
    }
    return false;
  }

  static LocalDate date(NormalizedText t, String headText, String type, HeadLines lines) {
    int head = headText.length();
    if ("antwoord".equals(type) || "Kamervragen".equals(type)) {
      LocalDate stated = after(t, headText, "antwoord".equals(type) ? "(ontvangen " : "(ingezonden ");
      if (stated != null) {
        return stated;
      }
    }
    for (String label : LABELS) {
      LocalDate labelled = after(t, headText, label);
      if (labelled != null) {
        return labelled;
      }
    }
    if (UNDATED.contains(type)) {
      return null; // the dates in its text are of the bill's subject, an advice or a letter, not its own
    }
    for (int k = 0; k < Math.min(3, lines.size()); k++) {
      LocalDate printed = lines.get(k).indexOf('|') >= 0 ? numericDate(lines.get(k)) : null;
      if (printed != null) {
        return printed; // "Rijksoverheid | Rapport | 11-03-2022": the site's print names the document's date
      }
    }
    for (int i = 0; i < head; i++) {
      LocalDate d = writtenDateAt(t, i);
      if (d != null) {
        return d;
      }
    }
    for (int k = 0; k < Math.min(3, lines.size()); k++) {
      LocalDate numeric = numericDate(lines.get(k));
      if (numeric != null) {
        return numeric;
      }
    }
    return null;
  }

  /** The written date right after the first {@code label} in the head. */
  private static LocalDate after(NormalizedText t, String headText, String label) {
    int i = headText.indexOf(label); // the head's chars are the normalised text's first chars
    if (i < 0 || i + label.length() >= headText.length()) {
      return null;
    }
    int p = afterWeekday(t, i + label.length());
    LocalDate written = writtenDateAt(t, p);
    // "Datum 14-03-2019": a numeric date after the label
    return written != null ? written : numericDate(headText.substring(p, Math.min(headText.length(), p + 10)));
  }

  /** Past a weekday at p ("Den Haag, vrijdag 5 oktober 2018"), else p. */
  private static int afterWeekday(NormalizedText t, int p) {
    for (String day : WEEKDAYS) {
      if (t.regionMatchesIgnoreCase(p, day) && t.at(p + day.length()) == ' ') {
        return p + day.length() + 1;
      }
    }
    return p;
  }

  /** "D maand YYYY" starting at {@code i}, else null. */
  private static LocalDate writtenDateAt(NormalizedText t, int i) {
    if (!Character.isDigit(t.at(i)) || Character.isDigit(t.at(i - 1))) {
      return null;
    }
    int d = i;
    while (Character.isDigit(t.at(d))) {
      d++;
    }
    if (d - i > 2 || (t.at(d) != ' ' && t.at(d) != '-')) {
      return null;
    }
    int ms = d + 1;
    int me = ms;
    while (Character.isLetter(t.at(me))) {
      me++;
    }
    Integer month = MONTHS.get(t.surface(ms, me).toLowerCase(Locale.ROOT));
    if (month == null || (t.at(me) != ' ' && t.at(me) != '-') || !fourDigits(t, me + 1)) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(t.surface(me + 1, me + 5)), month, Integer.parseInt(t.surface(i, d)));
    } catch (DateTimeException e) {
      return null; // not a calendar date ("31 februari")
    }
  }

  private static boolean fourDigits(NormalizedText t, int p) {
    for (int k = 0; k < 4; k++) {
      if (!Character.isDigit(t.at(p + k))) {
        return false;
      }
    }
    return !Character.isDigit(t.at(p + 4));
  }

  /** "Nieuwsbericht | 12-09-2024" (on one of the first lines): the first "DD-MM-YYYY" on the line. */
  private static LocalDate numericDate(String line) {
    if (line == null) {
      return null;
    }
    for (int k = 0; k + 10 <= line.length(); k++) {
      String s = line.substring(k, k + 10);
      if (s.charAt(2) == '-' && s.charAt(5) == '-' && HeadLines.digitsOnly(s.substring(0, 2))
          && HeadLines.digitsOnly(s.substring(3, 5)) && HeadLines.digitsOnly(s.substring(6))
          && (k == 0 || !Character.isDigit(line.charAt(k - 1)))) {
        try {
          return LocalDate.of(Integer.parseInt(s.substring(6)), Integer.parseInt(s.substring(3, 5)),
              Integer.parseInt(s.substring(0, 2)));
        } catch (DateTimeException e) {
          return null;
        }
      }
    }
    return null;
  }
}
