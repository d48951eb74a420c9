package nl.kamerstroom.extraction.text;

/**
 * One normalised copy of a PDF-extracted text, with a map back to the original offsets.
 *
 * <p>Normalisation: every run of whitespace (line breaks, tabs, NBSP and other Unicode spaces) becomes one
 * space; soft hyphens and zero-width characters are dropped; a hyphen at a line break between two
 * lower-case letters is removed together with the break ("ontwikkelings-\nsamenwerking"), unless the next
 * word is a conjunction ("herstel-\nen vernieuwing" keeps "herstel- en"). All scanners work on this one
 * buffer, so names and amounts split across lines match, and the surface text of a mention is simply the
 * normalised substring (the gold format's "line breaks collapsed, line-break hyphens removed").
 */
public final class NormalizedText {

  /** About one segment per line of a PDF text (~ 60 chars): sized up front, the arrays rarely grow. */
  private static final int SEGMENT_EVERY = 40;

  private final String original;
  private final char[] chars;
  private final int length;
  /**
   * Offset map as sorted segments: normalised index {@code segStart[k]} and on map to original offset
   * {@code index + segDelta[k]}. Between two PDF artefacts the text is copied unchanged, so a segment per
   * artefact (about two per line) replaces an int per char: less memory traffic in the hottest loop.
   */
  private final int[] segStart;
  private final int[] segDelta;
  private final int segments;
  /**
   * The segment of the last offset looked up: mentions come in text order, mostly in the same segment as the one
   * before. Only a hint, checked before use, so threads sharing a text at most miss it.
   */
  private int lastSegment;
  /** The anchor chars looked for while normalising, and where they were found ({@link AnchorChars.Recorder}). */
  private final AnchorChars anchorChars;
  private final AnchorChars.Recorder anchors;

  private NormalizedText(String original, char[] chars, int length, int[] segStart, int[] segDelta, int segments,
      AnchorChars anchorChars, AnchorChars.Recorder anchors) {
    this.original = original;
    this.chars = chars;
    this.length = length;
    this.segStart = segStart;
    this.segDelta = segDelta;
    this.segments = segments;
    this.anchorChars = anchorChars;
    this.anchors = anchors;
  }

  public static NormalizedText of(String text) {
    return of(text, AnchorChars.NONE);
  }

  /** Normalises and notes where {@code anchorChars} occur, in the same loop ({@link AnchorPass#normalize}). */
  static NormalizedText of(String text, AnchorChars anchorChars) {
    return new Builder(text, anchorChars).build();
  }

  /** The anchors found while normalising, when looked for with {@code anchorChars}; else null. */
  AnchorChars.Recorder anchorsFoundWith(AnchorChars anchorChars) {
    return this.anchorChars == anchorChars ? anchors : null;
  }

  /** One pass: unchanged runs are bulk-copied, artefacts handled one by one. */
  private static final class Builder {
    private final String text;
    private final char[] src;
    private final int n;
    private final char[] out;
    private int len;
    private int[] segStart;
    private int[] segDelta;
    private int segments;
    private final AnchorChars anchorChars;
    private final AnchorChars.Recorder anchors;

    Builder(String text, AnchorChars anchorChars) {
      this.text = text;
      this.src = text.toCharArray();
      this.n = src.length;
      // in place: normalising only shortens, so the write position never passes the read position, and
      // every read (at or after the current char, or of output already written) sees the right char. Saves a
      // second copy of the text; where a line break becomes one space nothing moves at all.
      this.out = src;
      int expectedSegments = Math.max(64, n / SEGMENT_EVERY);
      this.segStart = new int[expectedSegments];
      this.segDelta = new int[expectedSegments];
      this.anchorChars = anchorChars;
      this.anchors = new AnchorChars.Recorder(anchorChars, n);
    }

    NormalizedText build() {
      char[] chars = src;
      AnchorChars.Recorder found = anchors;
      int end = n;
      int runStart = 0;
      int i = 0;
      segment(0, 0);
      while (i < end) {
        // the bulk: letters, digits and punctuation, and a single space before one of them, are copied as they
        // are (a run is copied later, in one go); the recorder notes the anchors among them
        i = found.plainRun(chars, i, end, len - runStart);
        if (i >= end) {
          break;
        }
        char c = chars[i];
        // unchanged as well: a hyphen unless a line break follows, a single space (a whitespace artefact
        // always consumes its whole run, so no space precedes it) unless at the start, other chars but spaces
        if (c == '-' ? !isSpace(at(i + 1)) : c == ' ' ? len + i - runStart > 0 && !isSpaceOrInvisible(at(i + 1))
            : c >= 0x80 && !isSpaceOrInvisible(c)) {
          found.visit(len + i - runStart, c);
          i++;
          continue;
        }
        copy(runStart, i);
        i = artefact(i);
        runStart = i;
        segment(len, i - len);
      }
      copy(runStart, end);
      return new NormalizedText(text, out, len, segStart, segDelta, segments, anchorChars, anchors);
    }

    private char at(int k) {
      return k < n ? src[k] : 'x';
    }

    private void copy(int from, int to) {
      if (len != from) {
        System.arraycopy(src, from, out, len, to - from);
      }
      len += to - from;
    }

    /** Handles the artefact at i; returns where the next unchanged run starts. */
    private int artefact(int i) {
      char c = src[i];
      if (isInvisible(c)) {
        return i + 1;
      }
      if (c == '-') {
        int next = nextWordAfterLineBreak(i + 1);
        if (next > 0 && joinsWord(next)) {
          return next;
        }
        segment(len, i - len);
        anchors.visit(len, '-');
        out[len++] = '-';
        // a hyphen kept at a line break binds the next word ("Zuid-\nSoedan" → "Zuid-Soedan") unless a
        // conjunction follows ("herstel-\nen vernieuwing")
        boolean binds = next > 0 && len > 1 && Character.isLetter(out[len - 2]) && !isConjunctionAt(next);
        return binds ? next : i + 1;
      }
      // a whitespace run (or a control char): one space, none at the start or after a space
      int j = i;
      while (j < n && (isSpaceOrInvisible(src[j]) || src[j] < ' ')) {
        j++;
      }
      if (len > 0 && out[len - 1] != ' ') {
        segment(len, i - len);
        anchors.visit(len, ' ');
        out[len++] = ' ';
      }
      return j == i ? i + 1 : j;
    }

    /** Index of the first letter after a line break that directly follows the hyphen before {@code from}. */
    private int nextWordAfterLineBreak(int from) {
      int j = from;
      boolean newline = false;
      while (j < n && isSpaceOrInvisible(src[j])) {
        newline |= src[j] == '\n' || src[j] == '\r';
        j++;
      }
      return newline && j < n && Character.isLetter(src[j]) ? j : -1;
    }

    /**
     * Whether the hyphen before the line break is hyphenation to remove: lower case on both sides
     * ("ontwikkelings-\nsamenwerking"), or a long all-caps word in a heading ("ONTWIKKELINGS-\nSAMENWERKING").
     */
    private boolean joinsWord(int next) {
      if (len == 0 || isConjunctionAt(next)) {
        return false;
      }
      char before = out[len - 1];
      char after = src[next];
      if (Character.isLowerCase(before) && Character.isLowerCase(after)) {
        return true;
      }
      int caps = 0;
      while (caps < len && Character.isUpperCase(out[len - 1 - caps])) {
        caps++;
      }
      return caps >= 6 && Character.isUpperCase(after) && Character.isUpperCase(at(next + 1));
    }

    private boolean isConjunctionAt(int k) {
      int e = k;
      while (e < n && Character.isLetter(src[e])) {
        e++;
      }
      return isWord(k, e, "en") || isWord(k, e, "of") || isWord(k, e, "tot") || isWord(k, e, "noch");
    }

    /** src[k, e) is {@code word}, ignoring case (no String per hyphen at a line break). */
    private boolean isWord(int k, int e, String word) {
      if (e - k != word.length()) {
        return false;
      }
      for (int q = 0; q < word.length(); q++) {
        if (Character.toLowerCase(src[k + q]) != word.charAt(q)) {
          return false;
        }
      }
      return true;
    }

    private void segment(int normStart, int delta) {
      if (segments > 0 && segDelta[segments - 1] == delta) {
        return;
      }
      if (segments > 0 && segStart[segments - 1] == normStart) {
        segments--;
      }
      if (segments == segStart.length) {
        segStart = java.util.Arrays.copyOf(segStart, segments * 2);
        segDelta = java.util.Arrays.copyOf(segDelta, segments * 2);
      }
      segStart[segments] = normStart;
      segDelta[segments++] = delta;
    }
  }

  private static boolean isInvisible(char c) {
    return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF';
  }

  private static boolean isSpaceOrInvisible(char c) {
    return (c <= ' ' || c >= '\u00A0') && (isSpace(c) || isInvisible(c));
  }

  private static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }
    return c >= '\u00A0' && (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c >= '\u2000' && c <= '\u200A'
        || c == '\u3000');
  }

  public String original() {
    return original;
  }

  /** The normalised buffer; do not modify. */
  public char[] chars() {
    return chars;
  }

  public int length() {
    return length;
  }

  public char charAt(int i) {
    return chars[i];
  }

  /** The char at i, or a space outside the buffer: lets scanners peek without bounds checks. */
  public char at(int i) {
    return i >= 0 && i < length ? chars[i] : ' ';
  }

  public int originalStart(int normStart) {
    if (normStart >= length) {
      return original.length();
    }
    int h = lastSegment;
    if (segStart[h] <= normStart && (h + 1 == segments || segStart[h + 1] > normStart)) {
      return normStart + segDelta[h];
    }
    int lo = 0;
    int hi = segments - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segStart[mid] <= normStart) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    lastSegment = lo;
    return normStart + segDelta[lo];
  }

  public int originalEnd(int normEnd) {
    return normEnd == 0 ? 0 : originalStart(normEnd - 1) + 1;
  }

  /** The normalised text in [start, end), clamped to the buffer (scanners peek past the end via {@link #at}). */
  public String surface(int start, int end) {
    int e = Math.min(end, length);
    int s = Math.min(start, e);
    return new String(chars, s, e - s);
  }

  /** True when the normalised text at {@code pos} starts with {@code word}, ignoring case. */
  public boolean regionMatchesIgnoreCase(int pos, String word) {
    if (pos < 0 || pos + word.length() > length) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char a = chars[pos + k];
      char b = word.charAt(k);
      if (a == b) {
        continue;
      }
      if (a < 128 && b < 128) { // ASCII: one bit tells the cases of a letter apart, no Unicode table lookup
        char lower = (char) (a | 0x20);
        if (lower != (b | 0x20) || lower < 'a' || lower > 'z') {
          return false;
        }
      } else if (Character.toLowerCase(a) != Character.toLowerCase(b)) {
        return false;
      }
    }
    return true;
  }

  public boolean regionMatches(int pos, String word) {
    if (pos < 0 || pos + word.length() > length) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (chars[pos + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
