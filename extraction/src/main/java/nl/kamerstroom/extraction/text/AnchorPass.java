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

  private static final boolean[] WORD_CHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD_CHAR[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
  }

  private AnchorPass() {}

  public static void run(NormalizedText t, Handler... handlers) {
    if (handlers.length > 31) {
      throw new IllegalArgumentException("at most 31 handlers");
    }
    int[] any = new int[128];
    int[] atStart = new int[128];
    StringBuilder wide = new StringBuilder();
    int[] wideMask = new int[16];
    for (int h = 0; h < handlers.length; h++) {
      for (char c : handlers[h].anchors().toCharArray()) {
        register(c, 1 << h, any, wide, wideMask);
      }
      for (char c : handlers[h].wordStartAnchors().toCharArray()) {
        register(c, 1 << h, atStart, wide, wideMask);
      }
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
        mask = boundary ? any[c] | atStart[c] : any[c];
        boundary = !WORD_CHAR[c];
      } else {
        mask = wideMask(c, wideChars, wideMask);
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

  /** ASCII anchors go to a table; the few others (€, £) to a short list, wherever they occur. */
  private static void register(char c, int bit, int[] table, StringBuilder wide, int[] wideMask) {
    if (c < 128) {
      table[c] |= bit;
      return;
    }
    int k = wide.indexOf(String.valueOf(c));
    if (k < 0) {
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
