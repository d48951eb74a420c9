package nl.kamerstroom.extraction.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Nodes with several children get a dense table for ASCII chars: one array load per char. */
  private static final int DENSE_MIN_CHILDREN = 3;

  private final int[] rootIndex;
  private final int[][] dense;
  private final char[][] labels;
  private final int[][] children;
  private final List<List<Entry<V>>> values;
  private final String firstChars;

  private Trie(int[] rootIndex, int[][] dense, char[][] labels, int[][] children, List<List<Entry<V>>> values) {
    this.rootIndex = rootIndex;
    this.dense = dense;
    this.labels = labels;
    this.children = children;
    this.values = values;
    this.firstChars = firstChars(values);
  }

  private static <V> String firstChars(List<List<Entry<V>>> values) {
    java.util.Set<Character> chars = new java.util.TreeSet<>();
    for (char c = 'A'; c <= 'Z'; c++) {
      chars.add(c);
    }
    for (List<Entry<V>> v : values) {
      for (Entry<V> e : v == null ? List.<Entry<V>>of() : v) {
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
      List<Entry<V>> here = values.get(node);
      if (here != null && (i + 1 >= n || !Chars.isLetter(buf[i + 1]))) {
        for (int k = 0; k < here.size(); k++) { // indexed: no iterator per name candidate
          Entry<V> e = here.get(k);
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
    int[] d = dense[node];
    if (d != null && c < 128) {
      return d[c];
    }
    char[] l = labels[node];
    for (int k = 0; k < l.length; k++) {
      if (l[k] == c) {
        return children[node][k];
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
      char[][] labels = new char[size][];
      int[][] children = new int[size][];
      int[][] dense = new int[size][];
      for (int node = 0; node < size; node++) {
        Map<Character, Integer> e = edges.get(node);
        labels[node] = new char[e.size()];
        children[node] = new int[e.size()];
        int k = 0;
        for (Map.Entry<Character, Integer> edge : e.entrySet()) {
          labels[node][k] = edge.getKey();
          children[node][k++] = edge.getValue();
        }
        if (e.size() >= DENSE_MIN_CHILDREN) {
          dense[node] = new int[128];
          Arrays.fill(dense[node], -1);
          for (Map.Entry<Character, Integer> edge : e.entrySet()) {
            if (edge.getKey() < 128) {
              dense[node][edge.getKey()] = edge.getValue();
            }
          }
        }
      }
      int[] root = new int[ROOT_TABLE];
      Arrays.fill(root, -1);
      for (Map.Entry<Character, Integer> edge : edges.get(0).entrySet()) {
        if (edge.getKey() < ROOT_TABLE) {
          root[edge.getKey()] = edge.getValue();
        }
      }
      List<List<Entry<V>>> frozen = new ArrayList<>(size);
      for (List<Entry<V>> v : values) {
        frozen.add(v == null ? null : List.copyOf(v));
      }
      return new Trie<>(root, dense, labels, children, frozen);
    }
  }
}
