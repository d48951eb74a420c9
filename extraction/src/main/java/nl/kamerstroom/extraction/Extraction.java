package nl.kamerstroom.extraction;

import java.util.List;

/** Everything found in one text, each list in document order. */
public record Extraction(List<MinistryMention> ministries, List<CountryMention> countries,
    List<MotionMention> motions, List<AmountMention> amounts,
    List<KamerstukReference> kamerstukken, List<Redaction> redactions, DocumentMetadata metadata) {

  public Extraction {
    ministries = List.copyOf(ministries);
    countries = List.copyOf(countries);
    motions = List.copyOf(motions);
    amounts = List.copyOf(amounts);
    kamerstukken = List.copyOf(kamerstukken);
    redactions = List.copyOf(redactions);
  }
}
