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
  /** Per line: whether a blank line precedes it (a new block of the layout, not a wrapped line). */
  private final List<Boolean> afterBlank;

  private HeadLines(List<String> lines, List<Boolean> afterBlank) {
    this.lines = lines;
    this.afterBlank = afterBlank;
  }

  static HeadLines of(String original, int limit) {
    List<String> lines = new ArrayList<>();
    List<Boolean> afterBlank = new ArrayList<>();
    int end = Math.min(original.length(), limit);
    int start = 0;
    boolean blank = false;
    while (start < end) {
      int eol = original.indexOf('\n', start);
      if (eol < 0 || eol > end) {
        eol = end;
      }
      String line = original.substring(start, eol).strip();
      if (line.isEmpty()) {
        blank = true;
      } else {
        lines.add(line);
        afterBlank.add(blank);
        blank = false;
      }
      start = eol + 1;
    }
    return new HeadLines(lines, afterBlank);
  }

  /** Whether line k continues the line before it (no blank line between them). */
  boolean continues(int k) {
    return k > 0 && k < lines.size() && !afterBlank.get(k);
  }

  /**
   * Lines from {@code first} on, joined as one wrapped text, up to {@code max} lines or until the text holds
   * {@code until}.
   */
  String joined(int first, int max, String until) {
    StringBuilder text = new StringBuilder(lines.get(first));
    for (int k = first + 1; k < lines.size() && k < first + max && text.indexOf(until) < 0; k++) {
      append(text, lines.get(k));
    }
    return text.toString();
  }

  /** Appends a wrapped line: a space between, or none after a line-break hyphen ("Ontwikkelingssa-" "menwerking"). */
  static void append(StringBuilder text, String line) {
    int last = text.length() - 1;
    if (last > 0 && text.charAt(last) == '-' && Character.isLetter(text.charAt(last - 1))
        && !line.isEmpty() && Character.isLowerCase(line.charAt(0)) == Character.isLowerCase(text.charAt(last - 1))) {
      text.setLength(last);
    } else {
      text.append(' ');
    }
    text.append(line);
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

  /** "Vergaderjaar 2018–2019" (any dash or slash, anywhere on the line) → "20182019"; else null. */
  static String sessionYear(String line) {
    int at = line == null ? -1 : line.indexOf("ergaderjaar ");
    if (at < 1 || line.length() < at + 21) {
      return null;
    }
    String first = line.substring(at + 12, at + 16);
    String second = line.substring(at + 17, at + 21);
    return digitsOnly(first) && digitsOnly(second) ? first + second : null;
  }

  /** Index of the first line naming the session ("Vergaderjaar 2019–2020", also after "Handelingen"), or -1. */
  int sessionLine() {
    for (int k = 0; k < lines.size(); k++) {
      if (sessionYear(lines.get(k)) != null) {
        return k;
      }
    }
    return -1;
  }
}
