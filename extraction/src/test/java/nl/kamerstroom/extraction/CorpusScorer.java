package nl.kamerstroom.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The corpus README's counting rules (the same as score.py): multiset matching per document and type,
 * optional gold mentions neither rewarded nor penalised, motions matched in three one-to-one stages
 * (kamerstuk, submitter set, number only); within a stage a gold mention pairs with the matching prediction
 * of the same text when there is one (so that a motion's status is judged on the mention that states it,
 * not on an earlier reference to the same motion), else with the first; score.py does the same. Beyond score.py: document metadata scored as accuracy per field
 * over documents with gold metadata, and per matched motion whose gold gives them its status (accuracy) and
 * the parties for and against (set equality).
 */
final class CorpusScorer {

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  static final List<String> TYPES = List.of("ministries", "countries", "motions", "amounts");
  /** Gold metadata field → the field of {@link ExtractionJson}'s metadata object that predicts it. */
  static final Map<String, String> METADATA_FIELDS = orderedMap("title", "title", "date", "date", "type",
      "documentType", "chamber", "chamber", "id", "id");
  /** Motion attributes scored on matched motions whose gold gives them. */
  static final List<String> MOTION_ATTRIBUTES = List.of("status", "for", "against");

  /** Running TP/FP/FN for one type, with a line per missed or spurious mention. */
  static final class Counts {
    int tp;
    int fp;
    int fn;
    final List<String> misses = new ArrayList<>();

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Correct answers out of those asked, for one metadata field or motion attribute. */
  static final class Accuracy {
    int correct;
    int total;
    final List<String> misses = new ArrayList<>();

    double value() {
      return total == 0 ? 1.0 : (double) correct / total;
    }

    void count(boolean right, String miss) {
      total++;
      if (right) {
        correct++;
      } else {
        misses.add(miss);
      }
    }
  }

  private CorpusScorer() {}

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < keysAndValues.length; k += 2) {
      m.put(keysAndValues[k], keysAndValues[k + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Metadata fields: exact, the title after collapsing whitespace and case. Only documents whose gold has
   * a "metadata" object count; a field the gold gives as null must be predicted absent.
   */
  static void scoreMetadata(String doc, JsonNode gold, JsonNode pred, Map<String, Accuracy> accuracy) {
    JsonNode g = gold.get("metadata");
    if (g == null || !g.isObject()) {
      return;
    }
    JsonNode p = pred.path("metadata");
    METADATA_FIELDS.forEach((goldField, predField) -> {
      if (!g.has(goldField)) {
        return;
      }
      String expected = text(g.get(goldField));
      String actual = text(p.get(predField));
      boolean right = goldField.equals("title") ? normalisedTitle(expected).equals(normalisedTitle(actual))
          : Objects.equals(expected, actual);
      accuracy.get(goldField).count(right, doc + ": expected " + expected + ", got " + actual);
    });
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String normalisedTitle(String s) {
    return s == null ? "" : String.join(" ", WHITESPACE.split(s.strip())).toLowerCase(Locale.ROOT);
  }

  static void score(String type, JsonNode gold, JsonNode pred, Counts counts) {
    score(type, gold, pred, counts, null, "");
  }

  /** As {@link #score(String, JsonNode, JsonNode, Counts)}, also scoring motion attributes when given. */
  static void score(String type, JsonNode gold, JsonNode pred, Counts counts, Map<String, Accuracy> attributes,
      String doc) {
    List<JsonNode> g = list(gold.get(type));
    List<JsonNode> p = list(pred.get(type));
    if (type.equals("motions")) {
      matchMotions(g, p, counts, attributes, doc);
    } else {
      matchExact(type, g, p, counts, doc);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null) {
      array.forEach(out::add);
    }
    return out;
  }

  private static boolean optional(JsonNode n) {
    return n.path("optional").asBoolean(false);
  }

  private static Object key(String type, JsonNode e) {
    if (type.equals("amounts")) {
      String v = e.path("value").asText().strip();
      String value;
      try {
        value = new BigDecimal(v).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException ex) {
        value = v;
      }
      return value + "|" + e.path("currency").asText("").strip().toUpperCase(Locale.ROOT);
    }
    return e.path("id").asText("").strip().toUpperCase(Locale.ROOT);
  }

  private static void matchExact(String type, List<JsonNode> gold, List<JsonNode> pred, Counts c, String doc) {
    Map<Object, Integer> req = new LinkedHashMap<>();
    Map<Object, Integer> opt = new HashMap<>();
    for (JsonNode g : gold) {
      (optional(g) ? opt : req).merge(key(type, g), 1, Integer::sum);
    }
    for (JsonNode p : pred) {
      Object k = key(type, p);
      if (req.getOrDefault(k, 0) > 0) {
        req.merge(k, -1, Integer::sum);
        c.tp++;
      } else if (opt.getOrDefault(k, 0) > 0) {
        opt.merge(k, -1, Integer::sum);
      } else {
        c.fp++;
        c.misses.add(doc + ": FP " + k + " \"" + p.path("text").asText() + "\"");
      }
    }
    req.forEach((k, missing) -> {
      c.fn += missing;
      if (missing > 0) {
        c.misses.add(doc + ": FN " + k + " x" + missing);
      }
    });
  }

  private static void matchMotions(List<JsonNode> gold, List<JsonNode> pred, Counts c,
      Map<String, Accuracy> attributes, String doc) {
    List<JsonNode> req = gold.stream().filter(g -> !optional(g)).toList();
    List<JsonNode> opt = gold.stream().filter(CorpusScorer::optional).toList();
    List<Integer> freePred = new ArrayList<>();
    for (int i = 0; i < pred.size(); i++) {
      freePred.add(i);
    }
    for (List<JsonNode> pool : List.of(req, opt)) {
      List<Integer> freeGold = new ArrayList<>();
      for (int i = 0; i < pool.size(); i++) {
        freeGold.add(i);
      }
      for (int stage = 0; stage < 3; stage++) {
        for (Integer gi : List.copyOf(freeGold)) {
          Integer chosen = null;
          for (Integer pi : freePred) {
            if (stageMatches(stage, pool.get(gi), pred.get(pi))) {
              if (chosen == null) {
                chosen = pi;
              }
              if (sameText(pool.get(gi), pred.get(pi))) {
                chosen = pi;
                break;
              }
            }
          }
          if (chosen != null) {
            freeGold.remove(gi);
            freePred.remove(chosen);
            if (pool == req) {
              c.tp++;
              if (attributes != null) {
                scoreAttributes(doc, pool.get(gi), pred.get(chosen), attributes);
              }
            }
          }
        }
      }
      if (pool == req) {
        c.fn += freeGold.size();
        freeGold.forEach(gi -> c.misses.add(doc + ": FN " + motion(pool.get(gi))));
      }
    }
    c.fp += freePred.size();
    freePred.forEach(pi -> c.misses.add(doc + ": FP " + motion(pred.get(pi))));
  }

  private static boolean sameText(JsonNode gold, JsonNode pred) {
    return normalisedTitle(gold.path("text").asText()).equals(normalisedTitle(pred.path("text").asText()));
  }

  private static String motion(JsonNode m) {
    return m.path("submitters") + " " + m.path("dossier").asText(null) + "-" + m.path("number").asText(null)
        + " \"" + m.path("text").asText() + "\"";
  }

  private static void scoreAttributes(String doc, JsonNode g, JsonNode p, Map<String, Accuracy> attributes) {
    String where = doc + " " + g.path("text").asText();
    if (g.hasNonNull("status")) {
      String expected = g.get("status").asText();
      String actual = text(p.get("status"));
      attributes.get("status").count(expected.equals(actual), where + ": expected " + expected + ", got " + actual);
    }
    for (String side : List.of("for", "against")) {
      if (g.hasNonNull(side)) {
        Set<String> expected = parties(g.get(side));
        Set<String> actual = parties(p.get(side));
        attributes.get(side).count(expected.equals(actual), where + ": " + side + " " + expected + ", got " + actual);
      }
    }
  }

  private static Set<String> parties(JsonNode array) {
    Set<String> out = new HashSet<>();
    if (array != null) {
      array.forEach(n -> out.add(String.join(" ", WHITESPACE.split(n.asText().strip())).toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static boolean stageMatches(int stage, JsonNode g, JsonNode p) {
    String gd = dossier(g.get("dossier"));
    String gn = number(g.get("number"));
    String pd = dossier(p.get("dossier"));
    String pn = number(p.get("number"));
    return switch (stage) {
      case 0 -> gd != null && gn != null && gd.equals(pd) && gn.equals(pn);
      case 1 -> {
        Set<String> gs = names(g);
        yield !gs.isEmpty() && gs.equals(names(p));
      }
      default -> gd == null && gn != null && gn.equals(pn);
    };
  }

  private static Set<String> names(JsonNode e) {
    Set<String> out = new HashSet<>();
    e.path("submitters").forEach(n -> out.add(String.join(" ", WHITESPACE.split(n.asText().strip()))
        .toLowerCase(Locale.ROOT)));
    return out;
  }

  private static String number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.asText().strip().toUpperCase(Locale.ROOT);
    return s.isEmpty() ? null : s;
  }

  /**
   * Dossier normalisation exactly as score.py does it: join digits separated by spaces, tighten hyphens,
   * then a space between a digit and a capital becomes a hyphen ("35925 V" → "35925-V"). Small strings
   * from the gold files only, so regexes are fine here.
   */
  static String dossier(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    String d = n.asText().strip().toUpperCase(Locale.ROOT);
    d = DIGIT_SPACE_DIGIT.matcher(d).replaceAll("");
    d = SPACED_HYPHEN.matcher(d).replaceAll("-");
    d = DIGIT_SPACE_SUFFIX.matcher(d).replaceAll("-");
    return d.isEmpty() ? null : d;
  }

  private static final Pattern DIGIT_SPACE_DIGIT =
      Pattern.compile("(?<=\\d)\\s+(?=\\d)", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SPACED_HYPHEN =
      Pattern.compile("\\s*-\\s*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DIGIT_SPACE_SUFFIX =
      Pattern.compile("(?<=\\d)\\s+(?=[\\dA-Z])", Pattern.UNICODE_CHARACTER_CLASS);
}
