package nl.kamerstroom.extraction.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A gazetteer trie over folded chars (see {@link Chars#fold}), walked once from each word start: the cost
 * per word is the length of the longest shared prefix, independent of the number of names, instead of one
 * regex alternation re-reading the text per name.
 *
 * <p>Case rule: a surface matches an entry when it folds to the same chars and every upper-case letter of
 * the entry is upper-case in the text. So "Def" matches "Def" and "DEF" but not "def", "Nederland" not
 * "nederland", and "minister van Buitenlandse Zaken" also matches "Minister van BUITENLANDSE ZAKEN".
 */
public final class Trie<V> {

  /** A candidate match: the entry's canonical surface and its value. */
  public record Entry<V>(String surface, V value) {}

  /**
   * The chars a text word must start with to match any entry: by the case rule an entry starting with a
   * capital needs a capital there, so for a gazetteer of names these are the capitals only, and the words
   * of Dutch prose, mostly lower case, are never walked. Non-capital first letters (in both cases) are
   * included when an entry starts with one.
   */
  public String firstChars() {
    return firstChars;
  }

  /** The longest entry matched from a word start. */
  public record Match<V>(int start, int end, Entry<V> entry) {}

  private static final int ROOT_TABLE = 0x250;

  /** Nodes with several children get a dense row over the trie's alphabet: one array load per char. */
  private static final int DENSE_MIN_CHILDREN = 3;

  /*
   * The nodes are numbered breadth first, so the shallow ones every walk passes sit together in memory, and
   * stored in flat arrays (no array object per node): the walk from a capitalised word start is mostly a few
   * steps near the root, and a table per node (128 ints) would cost a pointer chase and a cache miss per step.
   */
  private final int[] rootIndex;
  /** Per char up to the highest label: its index in the alphabet of labels (1..), 0 when no label is it. */
  private final byte[] symbols;
  /** Per node: where its dense row starts in {@link #dense}, or -1. */
  private final int[] denseRow;
  /** Rows of (alphabet size + 1) children; slot 0 of every row is -1 (a char that is no label). */
  private final int[] dense;
  /** The edges of node k (when not dense) are edgeLabel/edgeChild[edgeStart[k] .. edgeStart[k + 1]). */
  private final int[] edgeStart;
  private final char[] edgeLabel;
  private final int[] edgeChild;
  /** Per node, the entries ending there, in the order added; null for none. */
  private final Entry<V>[][] values;
  private final String firstChars;

  private Trie(int[] rootIndex, byte[] symbols, int[] denseRow, int[] dense, int[] edgeStart, char[] edgeLabel,
      int[] edgeChild, Entry<V>[][] values) {
    this.rootIndex = rootIndex;
    this.symbols = symbols;
    this.denseRow = denseRow;
    this.dense = dense;
    this.edgeStart = edgeStart;
    this.edgeLabel = edgeLabel;
    this.edgeChild = edgeChild;
    this.values = values;
    this.firstChars = firstChars(values);
  }

  private static <V> String firstChars(Entry<V>[][] values) {
    Set<Character> chars = new TreeSet<>();
    for (char c = 'A'; c <= 'Z'; c++) {
      chars.add(c);
    }
    for (Entry<V>[] v : values) {
      if (v == null) {
        continue;
      }
      for (Entry<V> e : v) {
        char first = e.surface().charAt(0);
        chars.add(first);
        if (!Character.isUpperCase(first)) {
          chars.add(Character.toUpperCase(first));
        }
      }
    }
    StringBuilder b = new StringBuilder();
    chars.forEach(b::append);
    return b.toString();
  }

  public static <V> Builder<V> builder() {
    return new Builder<>();
  }

  /**
   * Longest entry starting at {@code start} that ends at a word boundary (next char not a letter; a digit
   * may follow, as in footnote-glued "Soedan40") and satisfies the case rule; null if none.
   */
  public Match<V> longestAt(NormalizedText text, int start) {
    char[] buf = text.chars();
    int n = text.length();
    Match<V> best = null;
    int node = 0;
    for (int i = start; i < n; i++) {
      int next = child(node, Chars.fold(buf[i]));
      if (next < 0) {
        break;
      }
      node = next;
      Entry<V>[] here = values[node];
      if (here != null && (i + 1 >= n || !Chars.isLetter(buf[i + 1]))) {
        for (Entry<V> e : here) {
          if (caseMatches(e.surface(), buf, start)) {
            best = new Match<>(start, i + 1, e);
            break;
          }
        }
      }
    }
    return best;
  }

  private int child(int node, char c) {
    if (node == 0) {
      return c < ROOT_TABLE ? rootIndex[c] : -1;
    }
    int row = denseRow[node];
    if (row >= 0) {
      return dense[row + (c < symbols.length ? symbols[c] : 0)];
    }
    for (int k = edgeStart[node]; k < edgeStart[node + 1]; k++) {
      if (edgeLabel[k] == c) {
        return edgeChild[k];
      }
    }
    return -1;
  }

  private static boolean caseMatches(String surface, char[] buf, int start) {
    for (int k = 0; k < surface.length(); k++) {
      char s = surface.charAt(k);
      if (Character.isUpperCase(s) && !Character.isUpperCase(buf[start + k])) {
        return false;
      }
    }
    return true;
  }

  /** Collects entries; {@link #build()} compiles them into compact arrays. */
  public static final class Builder<V> {
    private final List<Map<Character, Integer>> edges = new ArrayList<>();
    private final List<List<Entry<V>>> values = new ArrayList<>();

    private Builder() {
      newNode();
    }

    private int newNode() {
      edges.add(new HashMap<>());
      values.add(null);
      return edges.size() - 1;
    }

    public Builder<V> add(String surface, V value) {
      int node = 0;
      for (int i = 0; i < surface.length(); i++) {
        char c = Chars.fold(surface.charAt(i));
        Integer next = edges.get(node).get(c);
        if (next == null) {
          next = newNode();
          edges.get(node).put(c, next);
        }
        node = next;
      }
      if (values.get(node) == null) {
        values.set(node, new ArrayList<>());
      }
      values.get(node).add(new Entry<>(surface, value));
      return this;
    }

    public Trie<V> build() {
      int size = edges.size();
      // breadth-first numbering: order[new] = old, number[old] = new
      int[] order = new int[size];
      int[] number = new int[size];
      int numbered = 1;
      for (int k = 0; k < numbered; k++) {
        for (int child : edges.get(order[k]).values()) {
          number[child] = numbered;
          order[numbered++] = child;
        }
      }
      TreeSet<Character> labels = new TreeSet<>();
      edges.forEach(e -> labels.addAll(e.keySet()));
      if (labels.size() > Byte.MAX_VALUE) {
        throw new IllegalStateException("more than " + Byte.MAX_VALUE + " distinct chars in a trie");
      }
      byte[] symbols = new byte[labels.isEmpty() ? 0 : labels.last() + 1];
      byte symbol = 0;
      for (char c : labels) {
        symbols[c] = ++symbol;
      }
      int rowLength = labels.size() + 1;
      int[] denseRow = new int[size];
      int[] edgeStart = new int[size + 1];
      char[] edgeLabel = new char[size];
      int[] edgeChild = new int[size];
      int edgeCount = 0;
      int rows = 0;
      for (int k = 0; k < size; k++) {
        denseRow[k] = edges.get(order[k]).size() >= DENSE_MIN_CHILDREN ? rowLength * rows++ : -1;
      }
      int[] dense = new int[rowLength * rows];
      Arrays.fill(dense, -1);
      @SuppressWarnings("unchecked")
      Entry<V>[][] frozen = (Entry<V>[][]) new Entry<?>[size][];
      for (int k = 0; k < size; k++) {
        Map<Character, Integer> e = edges.get(order[k]);
        edgeStart[k] = edgeCount;
        for (Map.Entry<Character, Integer> edge : e.entrySet()) {
          if (denseRow[k] >= 0) {
            dense[denseRow[k] + symbols[edge.getKey()]] = number[edge.getValue()];
          } else {
            edgeLabel[edgeCount] = edge.getKey();
            edgeChild[edgeCount++] = number[edge.getValue()];
          }
        }
        List<Entry<V>> v = values.get(order[k]);
        @SuppressWarnings("unchecked")
        Entry<V>[] entries = v == null ? null : (Entry<V>[]) v.toArray(new Entry<?>[0]);
        frozen[k] = entries;
      }
      edgeStart[size] = edgeCount;
      int[] root = new int[ROOT_TABLE];
      Arrays.fill(root, -1);
      for (Map.Entry<Character, Integer> edge : edges.get(0).entrySet()) {
        if (edge.getKey() < ROOT_TABLE) {
          root[edge.getKey()] = number[edge.getValue()];
        }
      }
      return new Trie<>(root, symbols, denseRow, dense, edgeStart, edgeLabel, edgeChild, frozen);
    }
  }
}
