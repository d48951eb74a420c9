package nl.kamerstroom.extraction.metadata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The running page header of a Handelingen PDF: "Tweede Kamer | Stemmingen moties … | 28 november 2017 | TK
 * 27 | 27-8-1" or "EK 12 | 15 december 2020 | 12-4-1": the chamber ("TK"/"EK"), the meeting number and the
 * page id MEETING-ITEM-PAGE. Records laid out this way carry no "Vergaderjaar" line; the session year then
 * follows from the meeting date ({@link #sessionYear(LocalDate)}).
 *
 * @param chamber "Tweede Kamer" or "Eerste Kamer"
 * @param meeting the meeting's number in its session
 * @param item the agenda item's number in the meeting
 */
record HandelingenHeader(String chamber, String meeting, String item) {

  /** The first head line holding "TK n" or "EK n" with a page id "n-item-page" of the same meeting, else null. */
  static HandelingenHeader of(HeadLines lines) {
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.indexOf("K ") < 0) {
        continue; // neither "TK n" nor "EK n": most lines, checked without splitting them
      }
      HandelingenHeader header = parse(line);
      if (header != null) {
        return header;
      }
    }
    return null;
  }

  private static HandelingenHeader parse(String line) {
    List<String> words = new ArrayList<>();
    for (String word : line.replace('|', ' ').split(" ")) {
      if (!word.isEmpty()) {
        words.add(word); // String.split(" ") takes the fast path without a regex
      }
    }
    for (int w = 0; w + 1 < words.size(); w++) {
      boolean tweede = words.get(w).equals("TK");
      if ((tweede || words.get(w).equals("EK")) && HeadLines.digitsOnly(words.get(w + 1))) {
        String meeting = words.get(w + 1);
        for (String word : words) {
          String[] parts = word.split("-");
          if (parts.length == 3 && parts[0].equals(meeting) && HeadLines.digitsOnly(parts[1])
              && HeadLines.digitsOnly(parts[2])) {
            return new HandelingenHeader(tweede ? "Tweede Kamer" : "Eerste Kamer", meeting, parts[1]);
          }
        }
      }
    }
    return null;
  }

  /**
   * The parliamentary year of a meeting date, "20172018": a session opens on Prinsjesdag, the third Tuesday
   * of September, so a meeting on 5 September 2017 still belongs to 2016–2017.
   */
  static String sessionYear(LocalDate date) {
    LocalDate prinsjesdag = date.withMonth(9).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.TUESDAY));
    int first = date.isBefore(prinsjesdag) ? date.getYear() - 1 : date.getYear();
    return first + "" + (first + 1);
  }
}
