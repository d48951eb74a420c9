package nl.kamerstroom.extraction.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one pass over the normalised buffer shared by the hand-written scanners (amounts, motions,
 * kamerstukken, redactions): each declares the chars that can start what it looks for, and the pass calls
 * it only there. One loop instead of one per scanner: reading the text is the cost that dominates. The
 * anchors are found by the loop that normalises the text ({@link #normalize}), so the text is read once for
 * both (a text normalised without them is read again in {@link #run}).
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
     * Two-char prefixes (ASCII, case as written: list "mo", "Mo", "MO" for all three) at whose word start
     * this scanner wants to be called: for scanners whose first letter starts many common words ("de",
     * "van", "met"), the second char spares most calls.
     */
    default List<String> wordStartPrefixes() {
      return List.of();
    }

    /**
     * Called at {@code i} holding one of its anchors, never before the position it returned last time;
     * returns the position from which it wants to be called again (&gt; i).
     */
    int at(NormalizedText t, int i);
  }

  private static final int SHIFT = 15;
  private static final int ANY_MASK = (1 << SHIFT) - 1;
  /** In {@link #table}: some handler has a two-char prefix starting with this char. */
  private static final int PREFIX_BIT = 1 << 31;
  /** Compiled passes by the handlers' declarations: built once, not per document. */
  private static final Map<String, AnchorPass> PASSES = new ConcurrentHashMap<>();

  /**
   * Per ASCII char: anywhere-anchors in bits 0-14, word-start anchors in 15-29, bit 31 = two-char prefixes
   * start here ({@code prefixes[c]} holds, per second char, the handlers that want it); the few non-ASCII
   * anchors (€, £, Å …) in a table by char up to the highest of them.
   */
  private final int[] table;
  private final int[][] prefixes;
  private final int[] wideTable;
  private final int handlerCount;
  /** The same anchors as char classes, for {@link NormalizedText} to note where they occur while normalising. */
  private final AnchorChars anchorChars;

  private AnchorPass(int[] table, int[][] prefixes, int[] wideTable, int handlerCount) {
    this.table = table;
    this.prefixes = prefixes;
    this.wideTable = wideTable;
    this.handlerCount = handlerCount;
    boolean[] anywhere = new boolean[128];
    boolean[] startPairs = new boolean[128 * 128];
    int[] wide = new int[wideTable.length];
    for (int c = 0; c < 128; c++) {
      anywhere[c] = (table[c] & ANY_MASK) != 0;
      boolean alone = (table[c] >>> SHIFT & ANY_MASK) != 0;
      for (int second = 0; second < 128; second++) {
        startPairs[c << 7 | second] = alone || prefixes[c] != null && prefixes[c][second] != 0;
      }
    }
    for (int c = 0; c < wide.length; c++) {
      int e = wideTable[c];
      wide[c] = ((e & ANY_MASK) != 0 ? AnchorChars.ANYWHERE : 0)
          | ((e >>> SHIFT & ANY_MASK) != 0 ? AnchorChars.WORD_START : 0);
    }
    this.anchorChars = new AnchorChars(anywhere, startPairs, wide);
  }

  /**
   * The pass for handlers declaring these anchors (compiled once per set of declarations); run it with
   * handlers declaring the same, in the same order.
   */
  public static AnchorPass of(Handler... handlers) {
    if (handlers.length > SHIFT) {
      throw new IllegalArgumentException("at most " + SHIFT + " handlers");
    }
    StringBuilder key = new StringBuilder();
    for (Handler h : handlers) {
      key.append(h.anchors()).append('\0').append(h.wordStartAnchors()).append('\0')
          .append(h.wordStartPrefixes()).append('\1');
    }
    return PASSES.computeIfAbsent(key.toString(), k -> compile(handlers));
  }

  private static AnchorPass compile(Handler[] handlers) {
    int[] any = new int[128];
    int[] atStart = new int[128];
    int[][] prefixes = new int[128][];
    StringBuilder wide = new StringBuilder();
    int[] wideMask = new int[64];
    for (int h = 0; h < handlers.length; h++) {
      for (char c : handlers[h].anchors().toCharArray()) {
        register(c, 1 << h, any, wide, wideMask);
      }
      for (char c : handlers[h].wordStartAnchors().toCharArray()) {
        register(c, 1 << h << SHIFT, atStart, wide, wideMask);
      }
      for (String prefix : handlers[h].wordStartPrefixes()) {
        char first = prefix.charAt(0);
        char second = prefix.charAt(1);
        if (prefix.length() != 2 || first >= 128 || second >= 128) {
          throw new IllegalArgumentException("a prefix is two ASCII chars: " + prefix);
        }
        if (prefixes[first] == null) {
          prefixes[first] = new int[128];
        }
        prefixes[first][second] |= 1 << h;
      }
    }
    int[] table = new int[128];
    for (int c = 0; c < 128; c++) {
      table[c] = any[c] | atStart[c] | (prefixes[c] != null ? PREFIX_BIT : 0);
    }
    // the few non-ASCII anchors (€ U+20AC the highest) by char: a letter with a diacritic ("ë", "é") or a
    // typographic quote, frequent in Dutch text, costs one array load instead of a search of the list
    int top = 0;
    for (int k = 0; k < wide.length(); k++) {
      top = Math.max(top, wide.charAt(k) + 1);
    }
    int[] wideTable = new int[top];
    for (int k = 0; k < wide.length(); k++) {
      wideTable[wide.charAt(k)] = wideMask[k];
    }
    return new AnchorPass(table, prefixes, wideTable, handlers.length);
  }

  /** Normalises {@code text} and notes this pass's anchors in the same loop, for {@link #run}. */
  public NormalizedText normalize(String text) {
    return NormalizedText.of(text, anchorChars);
  }

  /** Runs the handlers of a pass of their own over {@code t} (for a scanner used alone). */
  public static void runAlone(NormalizedText t, Handler... handlers) {
    of(handlers).run(t, handlers);
  }

  /**
   * Calls each handler at its anchors in text order. On a text from {@link #normalize} only the positions noted
   * there are visited; any other text is read once here to find them.
   */
  public void run(NormalizedText t, Handler... handlers) {
    if (handlers.length != handlerCount) {
      throw new IllegalArgumentException("compiled for " + handlerCount + " handlers, given " + handlers.length);
    }
    AnchorChars.Recorder found = t.anchorsFoundWith(anchorChars);
    if (found == null) {
      found = new AnchorChars.Recorder(anchorChars, t.length());
      for (int i = 0; i < t.length(); i++) {
        found.visit(i, t.charAt(i));
      }
    }
    int[] positions = found.positions();
    int count = found.count();
    int[] next = new int[handlers.length];
    char[] buf = t.chars();
    int n = t.length();
    for (int k = 0; k < count; k++) {
      int i = positions[k] >>> 1;
      boolean wordStart = (positions[k] & 1) != 0;
      char c = buf[i];
      int mask;
      if (c < 128) {
        int e = table[c];
        mask = wordStart ? (e | e >>> SHIFT) & ANY_MASK : e & ANY_MASK;
        if (wordStart && e < 0 && i + 1 < n && buf[i + 1] < 128) { // PREFIX_BIT is the sign bit
          mask |= prefixes[c][buf[i + 1]];
        }
      } else {
        int e = c < wideTable.length ? wideTable[c] : 0;
        mask = wordStart ? (e | e >>> SHIFT) & ANY_MASK : e & ANY_MASK;
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
}
