package nl.kamerstroom.extraction.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-empty lines of a document's head, stripped: letterheads, Handelingen and Kamervragen headings
 * are line-structured ("Vergaderjaar 2018–2019", "45e vergadering, …", the item number alone on its line),
 * which the normalised buffer (one space for every line break) no longer shows.
 */
final class HeadLines {

  private final List<String> lines;

  private HeadLines(List<String> lines) {
    this.lines = lines;
  }

  static HeadLines of(String original, int limit) {
    List<String> lines = new ArrayList<>();
    int end = Math.min(original.length(), limit);
    int start = 0;
    while (start < end) {
      int eol = original.indexOf('\n', start);
      if (eol < 0 || eol > end) {
        eol = end;
      }
      String line = original.substring(start, eol).strip();
      if (!line.isEmpty()) {
        lines.add(line);
      }
      start = eol + 1;
    }
    return new HeadLines(lines);
  }

  int size() {
    return lines.size();
  }

  String get(int k) {
    return k >= 0 && k < lines.size() ? lines.get(k) : null;
  }

  /** Index of the first line that starts with {@code prefix} (ignoring case), or -1. */
  int startingWith(String prefix) {
    for (int k = 0; k < lines.size(); k++) {
      if (lines.get(k).regionMatches(true, 0, prefix, 0, prefix.length())) {
        return k;
      }
    }
    return -1;
  }

  /** Index of the first line at or after {@code from} made of digits only (a Handelingen item number), or -1. */
  int numberLine(int from) {
    for (int k = Math.max(0, from); k < lines.size(); k++) {
      if (digitsOnly(lines.get(k))) {
        return k;
      }
    }
    return -1;
  }

  static boolean digitsOnly(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** "Vergaderjaar 2018–2019" (any dash or slash) → "20182019"; null when the line says no such thing. */
  static String sessionYear(String line) {
    if (line == null || !line.regionMatches(true, 0, "Vergaderjaar ", 0, 13) || line.length() < 22) {
      return null;
    }
    String first = line.substring(13, 17);
    String second = line.substring(18, 22);
    return digitsOnly(first) && digitsOnly(second) ? first + second : null;
  }
}
