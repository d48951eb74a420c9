package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferenceRedactionMetadataTest {

  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  @Test
  void jointKamerstukNumberBelongsToFirstDossierAndKstIds() {
    Extraction e = EXTRACTOR.extract("Zie Kamerstuk 31728, 30914, nr. 5 en kst-21501-02-2383.");
    assertThat(e.kamerstukken()).extracting(KamerstukReference::dossier, KamerstukReference::number,
        KamerstukReference::documentId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("31728", "5", "kst-31728-5"),
        org.assertj.core.groups.Tuple.tuple("21501-02", "2383", "kst-21501-02-2383"));
  }

  @Test
  void kamerstukkenOfMotionsAreNotRepeatedAsReferences() {
    Extraction e = EXTRACTOR.extract("Motie Kuzu (Kamerstuk II 2021/22, 36045, nr. 53) en Kamerstuk II 2021/22, "
        + "35925, nr. 23.");
    assertThat(e.kamerstukken()).extracting(KamerstukReference::documentId).containsExactly("kst-35925-23");
  }

  @Test
  void wooAndWobGroundsWithMeaning() {
    Extraction e = EXTRACTOR.extract("Naam 5.1.2e, tel 06 5.1.2e, 5.1.1c, oud 10.2.e, en 5.2 en 11.1");
    assertThat(e.redactions()).extracting(Redaction::ground)
        .containsExactly("5.1.2e", "5.1.2e", "5.1.1c", "10.2e", "5.2", "11.1");
    assertThat(e.redactions().getFirst().meaning()).isEqualTo("eerbiediging van de persoonlijke levenssfeer");
  }

  @Test
  void sectionNumbersAloneAreNoRedactions() {
    assertThat(EXTRACTOR.extract("5.2 Doelen en 11.1 Bijlage").redactions()).isEmpty();
  }

  @Test
  void metadataFromHeadingDateAndFooter() {
    DocumentMetadata md = EXTRACTOR.extract(" Nr. 351  BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN \n"
        + "KONINKRIJKSRELATIES \n\nDen Haag, 12 juli 2021 \n\nTekst.\n\n"
        + "Tweede Kamer, vergaderjaar 2020–2021, 35 420, nr. 351 2").metadata();
    assertThat(md.documentType()).isEqualTo("Kamerbrief");
    assertThat(md.date()).isEqualTo(LocalDate.of(2021, 7, 12));
    assertThat(md.kamerstuk()).isEqualTo("kst-35420-351");
    assertThat(md.sender()).isEqualTo("MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES");
  }
}
