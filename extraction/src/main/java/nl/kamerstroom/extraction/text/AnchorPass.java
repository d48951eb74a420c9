package nl.kamerstroom.extraction.text;

/**
 * The one pass over the normalised buffer shared by the hand-written scanners (amounts, motions,
 * kamerstukken, redactions): each declares the chars that can start what it looks for, and the pass calls
 * it only there. One loop instead of one per scanner: reading the text is the cost that dominates.
 */
public final class AnchorPass {

  /** A scanner fed by the shared pass. */
  public interface Handler {

    /** The chars at which this scanner wants to be called wherever they occur. */
    default String anchors() {
      return "";
    }

    /**
     * The chars at which this scanner wants to be called only at a word start (the previous char is no
     * letter or digit): most anchors are, and filtering them here saves a call per letter inside words.
     */
    default String wordStartAnchors() {
      return "";
    }

    /**
     * Called at {@code i} holding one of its anchors, never before the position it returned last time;
     * returns the position from which it wants to be called again (&gt; i).
     */
    int at(NormalizedText t, int i);
  }

  private static final int SHIFT = 15;
  private static final int ANY_MASK = (1 << SHIFT) - 1;
  private static final int WORD_BIT = 1 << 30;
  private static final boolean[] WORD_CHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD_CHAR[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
  }

  private AnchorPass() {}

  public static void run(NormalizedText t, Handler... handlers) {
    if (handlers.length > SHIFT) {
      throw new IllegalArgumentException("at most " + SHIFT + " handlers");
    }
    int[] any = new int[128];
    int[] atStart = new int[128];
    StringBuilder wide = new StringBuilder();
    int[] wideMask = new int[64];
    for (int h = 0; h < handlers.length; h++) {
      for (char c : handlers[h].anchors().toCharArray()) {
        register(c, 1 << h, any, wide, wideMask);
      }
      for (char c : handlers[h].wordStartAnchors().toCharArray()) {
        register(c, 1 << h << SHIFT, atStart, wide, wideMask);
      }
    }
    // one table load per ASCII char: anywhere-anchors in bits 0-14, word-start anchors in 15-29,
    // bit 30 = letter or digit (for the next char's word-start test)
    int[] table = new int[128];
    for (int c = 0; c < 128; c++) {
      table[c] = any[c] | atStart[c] | (WORD_CHAR[c] ? WORD_BIT : 0);
    }
    char[] wideChars = wide.toString().toCharArray();
    int[] next = new int[handlers.length];
    char[] buf = t.chars();
    int n = t.length();
    boolean boundary = true;
    for (int i = 0; i < n; i++) {
      char c = buf[i];
      int mask;
      if (c < 128) {
        int e = table[c];
        mask = boundary ? (e | e >>> SHIFT) & ANY_MASK : e & ANY_MASK;
        boundary = (e & WORD_BIT) == 0;
      } else {
        int e = wideMask(c, wideChars, wideMask);
        mask = boundary ? (e | e >>> SHIFT) & ANY_MASK : e & ANY_MASK;
        boundary = !Chars.isLetterOrDigit(c);
      }
      while (mask != 0) {
        int h = Integer.numberOfTrailingZeros(mask);
        mask &= mask - 1;
        if (i >= next[h]) {
          next[h] = handlers[h].at(t, i);
        }
      }
    }
  }

  /** ASCII anchors go to a table; the few others (€, £, Å …) to a short list. */
  private static void register(char c, int bit, int[] table, StringBuilder wide, int[] wideMask) {
    if (c < 128) {
      table[c] |= bit;
      return;
    }
    int k = wide.indexOf(String.valueOf(c));
    if (k < 0) {
      if (wide.length() == wideMask.length) {
        throw new IllegalArgumentException("too many non-ASCII anchors");
      }
      k = wide.length();
      wide.append(c);
    }
    wideMask[k] |= bit;
  }

  private static int wideMask(char c, char[] wideChars, int[] wideMask) {
    for (int k = 0; k < wideChars.length; k++) {
      if (wideChars[k] == c) {
        return wideMask[k];
      }
    }
    return 0;
  }
}
