package nl.kamerstroom.extraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The extraction as one JSON line in the gold format of the sample corpus ({@code id}/{@code text} for
 * ministries and countries, {@code submitters}/{@code dossier}/{@code number} for motions,
 * {@code value}/{@code currency} for amounts, value as a plain decimal string), with extra fields: offsets,
 * official names, TOOI URIs, kamerstukken, redactions and metadata.
 */
public final class ExtractionJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExtractionJson() {}

  public static String toJsonLine(String file, Extraction e) {
    try {
      return MAPPER.writeValueAsString(toTree(file, e));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public static ObjectNode toTree(String file, Extraction e) {
    ObjectNode root = MAPPER.createObjectNode();
    if (file != null) {
      root.put("file", file);
    }
    ArrayNode ministries = root.putArray("ministries");
    for (MinistryMention m : e.ministries()) {
      ObjectNode o = span(ministries.addObject().put("id", m.ministry().code()), m.text(), m.start(), m.end());
      o.put("name", m.ministry().officialName());
      o.put("tooi", m.ministry().tooiUri());
    }
    ArrayNode countries = root.putArray("countries");
    for (CountryMention c : e.countries()) {
      span(countries.addObject().put("id", c.iso2()), c.text(), c.start(), c.end()).put("name", c.dutchName());
    }
    ArrayNode motions = root.putArray("motions");
    for (MotionMention m : e.motions()) {
      ObjectNode o = motions.addObject();
      ArrayNode submitters = o.putArray("submitters");
      m.submitters().forEach(submitters::add);
      o.put("dossier", m.dossier()).put("number", m.number());
      if (m.cs()) {
        o.put("cs", true);
      }
      if (m.replaces() != null) {
        o.put("replaces", m.replaces());
      }
      putIfSet(o, "sessionYear", m.sessionYear());
      putIfSet(o, "chamber", m.chamber());
      putIfSet(o, "documentId", m.documentId());
      putIfSet(o, "status", m.status());
      if (!m.votesFor().isEmpty()) {
        m.votesFor().forEach(o.putArray("for")::add);
      }
      if (!m.votesAgainst().isEmpty()) {
        m.votesAgainst().forEach(o.putArray("against")::add);
      }
      span(o, m.text(), m.start(), m.end());
    }
    ArrayNode amounts = root.putArray("amounts");
    for (AmountMention a : e.amounts()) {
      span(amounts.addObject().put("value", a.value().toPlainString()).put("currency", a.currency()),
          a.text(), a.start(), a.end());
    }
    ArrayNode kamerstukken = root.putArray("kamerstukken");
    for (KamerstukReference k : e.kamerstukken()) {
      ObjectNode o = kamerstukken.addObject().put("dossier", k.dossier()).put("number", k.number());
      putIfSet(o, "documentId", k.documentId());
      span(o, k.text(), k.start(), k.end());
    }
    ArrayNode redactions = root.putArray("redactions");
    for (Redaction r : e.redactions()) {
      span(redactions.addObject().put("ground", r.ground()).put("meaning", r.meaning()), r.text(), r.start(),
          r.end());
    }
    root.put("redactedSpans", e.redactions().size());
    DocumentMetadata md = e.metadata();
    ObjectNode meta = root.putObject("metadata");
    putIfSet(meta, "title", md.title());
    putIfSet(meta, "date", md.date() == null ? null : md.date().toString());
    putIfSet(meta, "documentType", md.documentType());
    putIfSet(meta, "kamerstuk", md.kamerstuk());
    putIfSet(meta, "sender", md.sender());
    putIfSet(meta, "chamber", md.chamber());
    putIfSet(meta, "id", md.documentId());
    return root;
  }

  private static ObjectNode span(ObjectNode o, String text, int start, int end) {
    return o.put("text", text).put("start", start).put("end", end);
  }

  private static void putIfSet(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
