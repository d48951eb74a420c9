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

  @Test
  void handelingenPageHeaderGivesChamberItemAndSessionFromTheDate() {
    DocumentMetadata md = EXTRACTOR.extract("EK 12 | 15 december 2020 | 12-4-1\n\n4\nStemmingen moties Begroting "
        + "2021\n\nAan de orde zijn de stemmingen over de moties.\n\nIn stemming komt de motie-Bikker (35570-VI, "
        + "letter D).").metadata();
    assertThat(md.documentType()).isEqualTo("Handelingen");
    assertThat(md.chamber()).isEqualTo("Eerste Kamer");
    assertThat(md.title()).isEqualTo("Stemmingen moties Begroting 2021");
    assertThat(md.date()).isEqualTo(LocalDate.of(2020, 12, 15));
    // a meeting before Prinsjesdag (third Tuesday of September) belongs to the session before
    assertThat(md.documentId()).isEqualTo("h-ek-20202021-12-4");
    assertThat(EXTRACTOR.extract("Tweede Kamer | Debat | 5 september 2017 | TK 101 | 101-3-1\n\n3\nDebat\n\n"
        + "Aan de orde is het debat.\n\nDe voorzitter:\nWelkom.").metadata().documentId())
        .isEqualTo("h-tk-20162017-101-3");
  }

  @Test
  void answersSentAsALetterWithLabelsOnTheirOwnLines() {
    DocumentMetadata md = EXTRACTOR.extract("> Retouradres Postbus 20061 2500 EB Den Haag\n\nAan de Voorzitter van "
        + "de\nTweede Kamer der Staten-Generaal\n\nDatum\n12 april 2012\nBetreft\nBeantwoording vragen van het lid "
        + "Van Dijk over Egypte\n\nGeachte Voorzitter,\n\nDeze vragen werden ingezonden op 20 maart 2012.")
        .metadata();
    assertThat(md.documentType()).isEqualTo("antwoord");
    assertThat(md.title()).isEqualTo("Beantwoording vragen van het lid Van Dijk over Egypte");
    assertThat(md.date()).isEqualTo(LocalDate.of(2012, 4, 12));
    assertThat(md.chamber()).isEqualTo("Tweede Kamer");
  }

  @Test
  void motionDocumentInPdfLayoutAndUnknownGenres() {
    DocumentMetadata motion = EXTRACTOR.extract("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2016–2017\n"
        + "34 550 V Vaststelling van de begrotingsstaten\nNr. 23 MOTIE VAN HET LID TEN BROEKE C.S.\nVoorgesteld 10 "
        + "november 2016\nDe Kamer,\n\nTweede Kamer, vergaderjaar 2016–2017, 34 550 V, nr. 23").metadata();
    assertThat(motion.documentType()).isEqualTo("motie");
    // the official publications' title: dossier title; heading
    assertThat(motion.title()).isEqualTo("Vaststelling van de begrotingsstaten; Motie van het lid ten broeke c.s.");
    assertThat(motion.documentId()).isEqualTo("kst-34550-V-23");
    DocumentMetadata list = EXTRACTOR.extract("Stemmingsuitslagen\nPlenaire vergadering Tweede Kamer, dinsdag 14 "
        + "februari 2023\n\n19637-3071 Motie van het lid Brekelmans").metadata();
    assertThat(list.documentType()).isEqualTo("overig");
    assertThat(list.title()).isEqualTo("Stemmingsuitslagen");
    assertThat(list.chamber()).isEqualTo("Tweede Kamer");
  }

  @Test
  void aDatelineOrAWrappedParagraphIsNoTitle() {
    assertThat(EXTRACTOR.extract("Datum 8 juni 2024\n\nMaandbrief over de steun aan Oekra\u00efne.").metadata().title())
        .isNull();
    assertThat(EXTRACTOR.extract("Kwaadaardige tekst in een brief van de minister van Buitenlandse Zaken over de\n"
        + "steun aan Oekra\u00efne, die de Kamer vroeg.").metadata().title()).isNull();
  }

  @Test
  void theIdPrintedAtTheStartOfAFooterLine() {
    assertThat(EXTRACTOR.extract("Vragen van het lid X aan de minister over Y (ingezonden 3 maart 2011).\n\nTekst."
        + "\n\nah-tk-20102011-1785\nISSN 1388-8889").metadata().documentId()).isEqualTo("ah-tk-20102011-1785");
    assertThat(EXTRACTOR.extract("Zie https://zoek.officielebekendmakingen.nl/kst-34550-V-23.html.").metadata()
        .documentId()).isNull();
  }

  @Test
  void headingColumnsSharingTheSessionLineGiveTheIds() {
    DocumentMetadata record = EXTRACTOR.extract("Eerste Kamer der Staten-Generaal              EK 31\n"
        + "Vergaderjaar 2016-2017                        31e vergadering\n              Dinsdag 30 mei 2017\n\n4\n"
        + "Stemmingen moties\n\nAan de orde is de stemming over de moties (34669).\n\nDe voorzitter:\nWelkom.")
        .metadata();
    assertThat(record.documentId()).isEqualTo("h-ek-20162017-31-4");
    assertThat(record.title()).isEqualTo("Stemmingen moties");
    DocumentMetadata answer = EXTRACTOR.extract("Tweede Kamer der Staten-Generaal      Aanhangsel van de Handelingen\n"
        + "Vragen gesteld door de leden der Kamer\n\nVergaderjaar 2019-2020                    2611\n\n"
        + "Vragen van het lid W (VVD) aan de Minister over X (ingezonden 3\nmaart 2020).\n\nAntwoord van Minister Y "
        + "(ontvangen 28\napril 2020).").metadata();
    assertThat(answer.documentId()).isEqualTo("ah-tk-20192020-2611");
    assertThat(answer.date()).isEqualTo(LocalDate.of(2020, 4, 28));
  }

  @Test
  void newsLabelsInCapitalsFicheWithoutNumberAndTheDateOfASiteHeader() {
    DocumentMetadata news = EXTRACTOR.extract("NIEUWS | Buitenlandse Zaken | Brexit\n\nKabinet trekt extra geld "
        + "uit\n\nDen Haag, vrijdag 5 oktober 2018\n\nHet kabinet besloot op 1 oktober 2018.").metadata();
    assertThat(news.documentType()).isEqualTo("nieuwsbericht");
    assertThat(news.title()).isEqualTo("Kabinet trekt extra geld uit");
    assertThat(news.date()).isEqualTo(LocalDate.of(2018, 10, 5));
    DocumentMetadata fiche = EXTRACTOR.extract("Rijksoverheid | Rapport | 11-03-2022\n\nFiche: Verordening "
        + "Europese chipwet\n\nb) Datum ontvangst Commissiedocument\n8 februari 2022").metadata();
    assertThat(fiche.documentType()).isEqualTo("BNC-fiche");
    assertThat(fiche.title()).isEqualTo("Fiche: Verordening Europese chipwet");
    assertThat(fiche.date()).isEqualTo(LocalDate.of(2022, 3, 11));
    assertThat(EXTRACTOR.extract("Nieuwsbrief Defensie\n\nTekst.").metadata().documentType())
        .isNotEqualTo("nieuwsbericht");
  }

  @Test
  void aMemorieVanToelichtingStatesNoDateOfItsOwn() {
    DocumentMetadata md = EXTRACTOR.extract("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2018–2019\n\n"
        + "35 205 Wijziging van de Wet vliegbelasting\n\nNr. 3 MEMORIE VAN TOELICHTING\n\nPer 1 januari 2021 wordt "
        + "een belasting geheven.").metadata();
    assertThat(md.documentType()).isEqualTo("memorie van toelichting");
    assertThat(md.date()).isNull();
  }

  @Test
  void aNotaNaarAanleidingVanHetVerslagUnderALongDossierTitle() {
    DocumentMetadata md = EXTRACTOR.extract("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2015–2016\n\n"
        + "34 373           Wijziging van de Huisvestingswet 2014 in verband met de\n                 bevordering van "
        + "de doorstroming (Wet doorstroming huurmarkt\n                 2015)\n\nNr. 6            NOTA NAAR AANLEIDING "
        + "VAN HET VERSLAG\n                 Ontvangen 9 november 2015\n\nDe regering dankt de leden.").metadata();
    assertThat(md.documentType()).isEqualTo("nota");
    assertThat(md.title()).isEqualTo("Wijziging van de Huisvestingswet 2014 in verband met de bevordering van de "
        + "doorstroming (Wet doorstroming huurmarkt 2015); Nota naar aanleiding van het verslag");
    assertThat(md.date()).isEqualTo(LocalDate.of(2015, 11, 9));
  }

  @Test
  void aNumericDateAfterItsLabelAndTheIdOfAPrintedHeadingWithoutFooter() {
    assertThat(EXTRACTOR.extract("De Voorzitter van de Tweede Kamer\n\nDatum 14-03-2019\nBetreft Voortgang X\n\n"
        + "Geachte voorzitter,\n\nOp 3 januari 2019 schreef ik.").metadata().date()).isEqualTo(LocalDate.of(2019, 3, 14));
    DocumentMetadata md = EXTRACTOR.extract("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2021–2022\n\n"
        + "35 925 VIII       Vaststelling van de begrotingsstaten\n\nNr. 27           AMENDEMENT VAN DE LEDEN KWINT EN "
        + "WESTERVELD\n                 Ontvangen 8 november 2021\n\nTekst.").metadata();
    assertThat(md.documentId()).isEqualTo("kst-35925-VIII-27");
    assertThat(md.kamerstuk()).isEqualTo("kst-35925-VIII-27");
    assertThat(EXTRACTOR.extract("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2018–2019\n\n21 501-02 Raad "
        + "Algemene Zaken\n\nNr. 1985 BRIEF VAN DE MINISTER\n\nTekst.").metadata().documentId())
        .isEqualTo("kst-21501-02-1985");
  }

  @Test
  void aHandelingenRecordOpeningWithItsRunningHeaderIsTitledByItsMiddleColumn() {
    DocumentMetadata md = EXTRACTOR.extract("Tweede Kamer          Voorjaarsnota 2023          28 juni 2023\n"
        + "                                              TK 95      95-5-1\n\nVoorjaarsnota 2023\n\nAan de orde "
        + "is de voortzetting van het debat over de Voorjaarsnota 2023 (36350).\n").metadata();
    assertThat(md.documentType()).isEqualTo("Handelingen");
    assertThat(md.title()).isEqualTo("Voorjaarsnota 2023");
  }

  @Test
  void aNewsHeadlineWrappedOverLinesIsJoinedButNotItsLeadParagraph() {
    String news = "Nieuwsbericht | 18-02-2020 | 14:05\n\nNederland draagt 5 miljoen bij aan bestrijding\n"
        + "sprinkhanenplaag Oost-Afrika\n\n%s";
    assertThat(EXTRACTOR.extract(news.formatted("De tekst.")).metadata().title())
        .isEqualTo("Nederland draagt 5 miljoen bij aan bestrijding sprinkhanenplaag Oost-Afrika");
    assertThat(EXTRACTOR.extract("Nieuwsbericht | 18-02-2020\n\nKabinet steunt boeren\nMinister X stelt vandaag "
        + "geld beschikbaar voor\nboeren in het oosten van het land, die last\nhebben van droogte.").metadata().title())
        .isEqualTo("Kabinet steunt boeren");
  }
}
