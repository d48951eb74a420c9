package nl.kamerstroom.extraction.text;

/** Looking at the words just before a match, in the normalised buffer (single spaces between words). */
public final class Words {

  private Words() {}

  /**
   * Start of the word that ends right before {@code pos} (one space between), or -1 when there is none
   * or punctuation other than a hyphen, apostrophe or comma stands in between.
   */
  public static int previousWordStart(NormalizedText t, int pos) {
    int i = pos - 1;
    if (t.at(i) == ' ') {
      i--;
    }
    if (t.at(i) == ',') {
      i--;
    }
    if (i < 0 || !Character.isLetter(t.charAt(i))) {
      return -1;
    }
    while (i > 0 && (Character.isLetter(t.charAt(i - 1)) || t.charAt(i - 1) == '-' || t.charAt(i - 1) == '\u2019'
        || t.charAt(i - 1) == '\'')) {
      i--;
    }
    return i;
  }

  /** The word starting at {@code start}: letters, hyphens and apostrophes. */
  public static String wordAt(NormalizedText t, int start) {
    int e = wordEnd(t, start);
    return t.surface(start, e);
  }

  private static int wordEnd(NormalizedText t, int start) {
    int e = start;
    while (e < t.length() && (Character.isLetter(t.charAt(e)) || t.charAt(e) == '-' || t.charAt(e) == '\u2019'
        || t.charAt(e) == '\'')) {
      e++;
    }
    while (e > start && !Character.isLetter(t.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** True if pos begins a word: the char before is not a letter or digit. */
  public static boolean isWordStart(NormalizedText t, int pos) {
    return pos == 0 || !Character.isLetterOrDigit(t.charAt(pos - 1));
  }
}
