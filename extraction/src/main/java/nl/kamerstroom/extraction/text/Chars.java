package nl.kamerstroom.extraction.text;

import java.text.Normalizer;

/** Character classes and the case/diacritic folding shared by the gazetteer trie and the scanners. */
public final class Chars {

  private static final int TABLE = 0x250;
  private static final char[] FOLD = new char[TABLE];
  private static final boolean[] LETTER = new boolean[TABLE];

  static {
    for (char c = 0; c < TABLE; c++) {
      String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char b = base.isEmpty() ? c : base.charAt(0);
      FOLD[c] = Character.toLowerCase(b);
      LETTER[c] = Character.isLetter(c);
    }
    FOLD['-'] = ' ';
  }

  private Chars() {}

  /**
   * Folds case and diacritics one char to one char ("Ï" → "i"), and treats a hyphen like a space so
   * "Saoedi-Arabië" and "Saoedi Arabië" share a trie path. One-to-one, so offsets stay aligned.
   */
  public static char fold(char c) {
    if (c < TABLE) {
      return FOLD[c];
    }
    if (c == '\u2019' || c == '\u2018') {
      return '\'';
    }
    if (c == '\u2010' || c == '\u2011' || c == '\u2013') {
      return ' ';
    }
    return Character.toLowerCase(c);
  }

  /** {@link Character#isLetter(char)} with a table for Latin text, the hot check of every scanner. */
  public static boolean isLetter(char c) {
    return c < TABLE ? LETTER[c] : Character.isLetter(c);
  }

  public static boolean isLetterOrDigit(char c) {
    return c < TABLE ? LETTER[c] || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c);
  }
}
