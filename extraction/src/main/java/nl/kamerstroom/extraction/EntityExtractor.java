package nl.kamerstroom.extraction;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.amount.AmountFinder;
import nl.kamerstroom.extraction.country.CountryGazetteer;
import nl.kamerstroom.extraction.kamerstuk.Kamerstuk;
import nl.kamerstroom.extraction.kamerstuk.KamerstukFinder;
import nl.kamerstroom.extraction.metadata.MetadataFinder;
import nl.kamerstroom.extraction.ministry.MinistryGazetteer;
import nl.kamerstroom.extraction.motion.MotionFinder;
import nl.kamerstroom.extraction.redaction.RedactionFinder;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * Extracts ministries, countries, motions, amounts, kamerstuk references, Woo redactions and metadata
 * from one text. Build once with {@link #create()} (loads the gazetteers, a few milliseconds); immutable
 * and thread-safe afterwards.
 *
 * <p>The text is normalised once ({@link NormalizedText}), and the loop that normalises also notes where the
 * finders' cheap anchors are (word starts for the gazetteer trie, "motie", digits and currency signs); each
 * finder is then called only there ({@link AnchorPass}), and every offset reported points into the original text.
 */
public final class EntityExtractor {

  private final MinistryGazetteer ministries;
  private final NameScanner names;
  private final RedactionFinder redactions;
  /** The shared pass, compiled once for the scanners {@link #extract} runs (in this order). */
  private final AnchorPass pass;

  private EntityExtractor(MinistryGazetteer ministries, NameScanner names, RedactionFinder redactions) {
    this.ministries = ministries;
    this.names = names;
    this.redactions = redactions;
    this.pass = AnchorPass.of(names.scan(), new MetadataFinder.OwnKamerstukScan(), new MotionFinder.Scan(),
        new AmountFinder.Scan(), new KamerstukFinder.Scan(), redactions.scan());
  }

  public static EntityExtractor create() {
    MinistryGazetteer ministries = MinistryGazetteer.load();
    return new EntityExtractor(ministries, NameScanner.of(ministries, CountryGazetteer.load()),
        RedactionFinder.load());
  }

  /** The ministries this extractor knows, current and historic (for listings and facets). */
  public List<Ministry> ministries() {
    return ministries.ministries();
  }

  public Extraction extract(String text) {
    NormalizedText t = pass.normalize(text); // notes the scanners' anchors while normalising
    NameScanner.Scan nameScan = names.scan();
    MetadataFinder.OwnKamerstukScan ownScan = new MetadataFinder.OwnKamerstukScan();
    MotionFinder.Scan motionScan = new MotionFinder.Scan();
    AmountFinder.Scan amountScan = new AmountFinder.Scan();
    KamerstukFinder.Scan kamerstukScan = new KamerstukFinder.Scan();
    RedactionFinder.Scan redactionScan = redactions.scan();
    pass.run(t, nameScan, ownScan, motionScan, amountScan, kamerstukScan, redactionScan);
    Kamerstuk own = ownScan.kamerstuk();
    List<MinistryMention> ministryMentions = nameScan.ministries();
    DocumentMetadata metadata = MetadataFinder.find(t, own, ministryMentions);
    ministryMentions = ministries.datedTo(ministryMentions, metadata.date());
    if (own == null && metadata.kamerstuk() != null) {
      own = fromId(metadata.kamerstuk()); // no page footer: the printed heading numbers a motion document
    }
    List<MotionMention> motions = motionScan.motions(own);
    List<KamerstukReference> references = new ArrayList<>();
    for (Kamerstuk ks : kamerstukScan.references()) {
      int start = t.originalStart(ks.start());
      int end = t.originalEnd(ks.end());
      if (!insideMotion(motions, start, end)) {
        references.add(new KamerstukReference(t.surface(ks.start(), ks.end()), start, end, ks.dossier(),
            ks.number(), ks.documentId()));
      }
    }
    return new Extraction(ministryMentions, nameScan.countries(), motions, amountScan.amounts(), references,
        redactionScan.redactions(), metadata);
  }

  /** "kst-35925-VIII-27" → dossier 35925-VIII, number 27 (no position in the text). */
  private static Kamerstuk fromId(String id) {
    int dash = id.lastIndexOf('-');
    return new Kamerstuk(0, 0, null, null, id.substring(4, dash), id.substring(dash + 1));
  }

  private static boolean insideMotion(List<MotionMention> motions, int start, int end) {
    for (MotionMention m : motions) {
      if (start >= m.start() && end <= m.end()) {
        return true;
      }
    }
    return false;
  }
}
