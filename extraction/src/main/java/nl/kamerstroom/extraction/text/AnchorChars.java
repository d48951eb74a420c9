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
  /**
   * A letter or digit that anchors nothing anywhere: inside a word there is nothing to note, and normalisation
   * copies it as it is (most chars of a text, skipped in a tight loop).
   */
  static final int QUIET_IN_WORD = 16;

  /** No anchors: a text normalised for itself. */
  static final AnchorChars NONE = new AnchorChars(new boolean[128], new boolean[128], new int[0]);

  /** Per ASCII char, the bits above. */
  final int[] ascii;
  /** Per non-ASCII char up to the highest anchor (€ U+20AC), its ANYWHERE and WORD_START bits. */
  final int[] wide;

  AnchorChars(boolean[] anywhere, boolean[] atWordStart, int[] wide) {
    this.ascii = new int[128];
    for (char c = 0; c < 128; c++) {
      boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      ascii[c] = (c > ' ' && c < 0x7F && c != '-' ? PLAIN : 0) | (word ? WORD : 0)
          | (anywhere[c] ? ANYWHERE : 0) | (atWordStart[c] ? WORD_START : 0)
          | (word && !anywhere[c] ? QUIET_IN_WORD : 0);
    }
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

    /** The last char visited is no letter or digit (or none was). */
    boolean atWordStart() {
      return wordStart;
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
