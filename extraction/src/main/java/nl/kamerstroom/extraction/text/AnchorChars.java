package nl.kamerstroom.extraction.text;

/**
 * Which chars may anchor a scanner of an {@link AnchorPass}, and the recorder that notes where they occur while
 * {@link NormalizedText} writes its buffer: normalisation reads every char anyway, so it finds the anchors in the
 * same loop and the pass calls the scanners only there (one read of the text instead of two).
 */
final class AnchorChars {

  /** Printable ASCII but the hyphen and the space: normalisation copies these unchanged. */
  static final int PLAIN = 1;
  /** An ASCII letter or digit: the next char is no word start. */
  static final int WORD = 2;
  /** Anchors some scanner wherever it occurs. */
  static final int ANYWHERE = 4;
  /** Anchors some scanner at a word start (alone or as the first of a two-char prefix). */
  static final int WORD_START = 8;
  /** The space: copied unchanged before a PLAIN char (this bit shifted down to PLAIN's tells it). */
  private static final int SPACE_SHIFT = 4;
  private static final int SPACE = PLAIN << SPACE_SHIFT;

  /** No anchors: a text normalised for itself. */
  static final AnchorChars NONE = new AnchorChars(new boolean[128], new boolean[128 * 128], new int[0]);

  /** Per ASCII char, the bits above. */
  final int[] ascii;
  /**
   * Per pair of ASCII chars {@code first << 7 | second}: a word starting with them anchors something (the first
   * alone, or the two as a prefix). Most word starts of prose are a prefix's first char ("d", "v", "m") but not
   * the prefix ("de", "van", "met"): the second char, already in the buffer, spares noting them.
   */
  private final boolean[] startPairs;
  /** Per non-ASCII char up to the highest anchor (€ U+20AC), its ANYWHERE and WORD_START bits. */
  final int[] wide;

  /** {@code startPairs} as described at the field: true where a word starting with that pair anchors something. */
  AnchorChars(boolean[] anywhere, boolean[] startPairs, int[] wide) {
    this.ascii = new int[128];
    for (char c = 0; c < 128; c++) {
      boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      boolean atWordStart = false;
      for (int second = 0; second < 128; second++) {
        atWordStart |= startPairs[c << 7 | second];
      }
      ascii[c] = (c > ' ' && c < 0x7F && c != '-' ? PLAIN : 0) | (word ? WORD : 0)
          | (anywhere[c] ? ANYWHERE : 0) | (atWordStart ? WORD_START : 0)
          | (c == ' ' ? SPACE : 0);
    }
    this.startPairs = startPairs;
    this.wide = wide;
  }

  /**
   * Notes the positions of the normalised buffer that hold an anchor where it counts (at a word start, or
   * anywhere), each as {@code position << 1 | 1 if at a word start}. Chars are fed in buffer order.
   */
  static final class Recorder {
    private final AnchorChars chars;
    private int[] positions;
    private int count;
    /** The previous char of the buffer is no letter or digit (true at the start). */
    private boolean wordStart = true;

    Recorder(AnchorChars chars, int expectedLength) {
      this.chars = chars;
      this.positions = new int[Math.max(16, expectedLength >> 3)];
    }

    /** The char {@code c} at buffer position {@code pos}. */
    void visit(int pos, char c) {
      if (c < 128) {
        int e = chars.ascii[c];
        if ((e & (wordStart ? ANYWHERE | WORD_START : ANYWHERE)) != 0) {
          add(pos);
        }
        wordStart = (e & WORD) == 0;
      } else {
        int e = c < chars.wide.length ? chars.wide[c] : 0;
        if ((e & (wordStart ? ANYWHERE | WORD_START : ANYWHERE)) != 0) {
          add(pos);
        }
        wordStart = !Chars.isLetterOrDigit(c);
      }
    }

    /**
     * Notes the anchors of the run from {@code i} that normalisation copies unchanged, each at its place
     * {@code k + shift} in the output: printable ASCII but the hyphen and the space, and single spaces before such
     * a char (not at the start of the output); returns where the run ends. The hot loop of normalisation: the
     * recorder's state stays in locals.
     */
    int plainRun(char[] text, int i, int end, int shift) {
      int[] classes = chars.ascii;
      boolean[] pairs = chars.startPairs;
      int[] found = positions;
      int n = count;
      // the anchor bits that count at the next char: WORD_START too after a char that is no letter or digit
      int counting = wordStart ? ANYWHERE | WORD_START : ANYWHERE;
      if (i + shift == 0 && i < end && text[i] == ' ') {
        return i; // no space at the start of the output
      }
      // one flat loop, each char's class read once (as the next char's, then as its own): no branch per word
      // that the processor mispredicts, as a loop skipping the rest of each word has at every word's end
      int e = i < end && text[i] < 128 ? classes[text[i]] : 0;
      while (i < end) {
        char next = i + 1 < end ? text[i + 1] : 0;
        int nextClass = next < 128 ? classes[next] : 0;
        if (((e | e >>> SPACE_SHIFT & nextClass) & PLAIN) == 0) {
          break; // neither plain nor a space before a plain char
        }
        if ((e & counting) != 0 && ((e & ANYWHERE) != 0 || (nextClass & PLAIN) == 0 || pairs[text[i] << 7 | next])) {
          // at a word start, a plain next char is in the output as it is, so the pair decides; otherwise the
          // pass decides from the buffer (the char alone is noted as an anchor, as visit does)
          if (n == found.length) {
            found = java.util.Arrays.copyOf(found, n * 2);
          }
          found[n++] = i + shift << 1 | (counting & WORD_START) >>> 3;
        }
        counting = ANYWHERE | (~e & WORD) << 2; // WORD_START after no letter or digit
        e = nextClass;
        i++;
      }
      positions = found;
      count = n;
      wordStart = (counting & WORD_START) != 0;
      return i;
    }

    private void add(int pos) {
      if (count == positions.length) {
        positions = java.util.Arrays.copyOf(positions, count * 2);
      }
      positions[count++] = pos << 1 | (wordStart ? 1 : 0);
    }

    int[] positions() {
      return positions;
    }

    int count() {
      return count;
    }
  }
}
