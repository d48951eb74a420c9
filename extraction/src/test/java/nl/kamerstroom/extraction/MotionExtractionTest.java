package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class MotionExtractionTest {

  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  private static List<MotionMention> motions(String text) {
    return EXTRACTOR.extract(text).motions();
  }

  @Test
  void referenceWithKamerstuk() {
    MotionMention m = motions("zie de Motie Kuzu over bijdrage wederopbouw Oekraïne (Kamerstuk II 2021/22, "
        + "36 045, nr. 53).").getFirst();
    assertThat(m.submitters()).containsExactly("Kuzu");
    assertThat(m.dossier()).isEqualTo("36045");
    assertThat(m.number()).isEqualTo("53");
    assertThat(m.sessionYear()).isEqualTo("2021/22");
    assertThat(m.chamber()).isEqualTo("II");
    assertThat(m.documentId()).isEqualTo("kst-36045-53");
    assertThat(m.text()).startsWith("Motie Kuzu").endsWith("nr. 53)");
  }

  @Test
  void dossierSuffixesAreNormalised() {
    assertThat(motions("Motie Brekelmans (Kamerstuk II 2020/21, 21 501-02, nr. 2383) en motie Omtzigt en "
        + "Jetten, (Kamerstuk II 2020/21, 21501 20, nr. 1632) en Motie Sjoerdsma, (Kamerstuk II 2021/22, "
        + "35925 V, nr. 71) en Motie Teunissen c.s. over ODA (Kamerstuk 35 925-XVII nr. 46)"))
        .extracting(MotionMention::dossier, MotionMention::number, MotionMention::cs)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("21501-02", "2383", false),
            org.assertj.core.groups.Tuple.tuple("21501-20", "1632", false),
            org.assertj.core.groups.Tuple.tuple("35925-V", "71", false),
            org.assertj.core.groups.Tuple.tuple("35925-XVII", "46", true));
  }

  @Test
  void submitterForms() {
    assertThat(motions("de motie van de leden Hammelburg en Van der Lee; de motie-Özütok/Van Kooten-Arissen; "
        + "de motie van het lid Jasper van Dijk; Motie van Erkens over waterstof; Motie Van Haga; "
        + "de motie van het lid Faber-van de Klashorst c.s."))
        .extracting(MotionMention::submitters)
        .containsExactly(List.of("Hammelburg", "Van der Lee"), List.of("Özütok", "Van Kooten-Arissen"),
            List.of("Van Dijk"), List.of("Erkens"), List.of("Van Haga"), List.of("Faber-van de Klashorst"));
  }

  @Test
  void handelingenMotionIsOneMention() {
    MotionMention m = motions("Motie\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering ...\n\n"
        + "Deze motie is voorgesteld door de leden Klaver, Jetten en Van der Lee.\n\n"
        + "Zij krijgt nr. 735, was nr. 719 (36045).").getFirst();
    assertThat(m.submitters()).containsExactly("Klaver", "Jetten", "Van der Lee");
    assertThat(m.dossier()).isEqualTo("36045");
    assertThat(m.number()).isEqualTo("735");
    assertThat(m.replaces()).isEqualTo("36045-719");
    assertThat(m.text()).startsWith("Deze motie is voorgesteld").endsWith("(36045)");
  }

  @Test
  void chairMaySaySomethingBeforeNumberingTheMotion() {
    assertThat(motions("Deze motie is voorgesteld door het lid Graus. Naar mij blijkt, wordt de indiening "
        + "ervan voldoende ondersteund.\n\nZij krijgt nr. 30 (32563)."))
        .extracting(MotionMention::documentId).containsExactly("kst-32563-30");
  }

  @Test
  void voteListEntries() {
    assertThat(motions("- de motie-Van Aalst/Remco Dijkstra over de N35 (35300-A, nr. 15);\n"
        + "- de gewijzigde motie-M.B. Vos over de meerkosten (22026, nr. 59);\n"
        + "- de motie-Aiking-van Wageningen over de Kilvariant (22026, nr. 45);"))
        .extracting(MotionMention::submitters, MotionMention::documentId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("Van Aalst", "Dijkstra"), "kst-35300-A-15"),
            org.assertj.core.groups.Tuple.tuple(List.of("Vos"), "kst-22026-59"),
            org.assertj.core.groups.Tuple.tuple(List.of("Aiking-van Wageningen"), "kst-22026-45"));
    assertThat(motions("36045-53 Motie van het lid Kuzu over wederopbouw\n21501-20-1768 Motie van het lid "
        + "Amhaouch over herstel\nIn 2022-2023 motie van het lid Klink"))
        .extracting(MotionMention::documentId)
        .containsExactly("kst-36045-53", "kst-21501-20-1768", null);
  }

  @Test
  void eersteKamerLettersAndMotionDocumentHeading() {
    assertThat(motions("Deze motie is voorgesteld door het lid Koffeman. Zij krijgt letter G (35570)."))
        .extracting(MotionMention::number).containsExactly("G");
    MotionMention doc = motions("36 200 V Vaststelling van de begrotingsstaten\n\nNr. 53 MOTIE VAN HET LID SLOB "
        + "C.S.\n\nVoorgesteld 15 november 2022\n\nDe Kamer,\n\nTweede Kamer, vergaderjaar 2022–2023, 36 200 V, "
        + "nr. 53 1").getFirst();
    assertThat(doc.submitters()).containsExactly("Slob");
    assertThat(doc.cs()).isTrue();
    assertThat(doc.documentId()).isEqualTo("kst-36200-V-53");
  }

  @Test
  void numberWithoutDossierAndVoteList() {
    assertThat(motions("de motie op stuk nr. 469 van de heer Koerhuis"))
        .extracting(MotionMention::number, MotionMention::dossier, MotionMention::submitters)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("469", null, List.of("Koerhuis")));
    assertThat(motions("In stemming komt de motie-Kuzu (36045, nr. 53).")).extracting(MotionMention::documentId)
        .containsExactly("kst-36045-53");
  }

  @Test
  void genericReferencesRequestsAndLetterNumbersAreNoMotions() {
    assertThat(motions("een motie, deze motie, de ingediende moties, de onderzoeksmotie, zes aangenomen moties "
        + "van de PVV, het verzoek van het lid Krol, Motie\n\nDe Kamer, gehoord de beraadslaging")).isEmpty();
    MotionMention letter = motions("Reactie op de motie van het lid Snels over de EU-begroting - 21501-07-1502\n"
        + "Brief regering over de Voorjaarsnota (Kamerstuk 36350, nr. 1)").getFirst();
    assertThat(letter.submitters()).containsExactly("Snels");
    assertThat(letter.dossier()).isNull();
    assertThat(letter.number()).isNull();
  }

  @Test
  void motionsByNumberTakeTheDossierUnderDebate() {
    assertThat(motions("Aan de orde zijn de stemmingen over moties, ingediend bij het wetsvoorstel (34775-V). "
        + "De eerste motie, op stuk nr. 2437, laat ik aan het oordeel van de Kamer. Dan de moties op de stukken "
        + "nrs. 2401 en 2402."))
        .extracting(MotionMention::documentId)
        .containsExactly("kst-34775-V-2437", "kst-34775-V-2401", "kst-34775-V-2402");
    assertThat(motions("zie de motie-Koopmans (Kamerstuk 31 490, nr. 101). De motie op stuk nr. 12 ontraad ik."))
        .extracting(MotionMention::documentId).containsExactly("kst-31490-101", "kst-31490-12");
    assertThat(motions("de motie van de heer Sjoerdsma en de heer Van der Lee"))
        .extracting(MotionMention::submitters).containsExactly(List.of("Sjoerdsma", "Van der Lee"));
  }

  @Test
  void verdictNamingThoseAgainst() {
    MotionMention m = motions("In stemming komt de motie-Van Ojik/Sjoerdsma (34775-V, nr. 12).\n\nDe voorzitter:\n"
        + "Ik constateer dat de leden van de fracties van de VVD, de PVV, het CDA en Forum voor Democratie ertegen "
        + "hebben gestemd en de leden van de overige fracties ervoor, zodat zij is aangenomen.").getFirst();
    assertThat(m.status()).isEqualTo("aangenomen");
    assertThat(m.votesFor()).isEmpty();
    assertThat(m.votesAgainst()).containsExactly("VVD", "PVV", "CDA", "Forum voor Democratie");
    MotionMention present = motions("In stemming komt de gewijzigde motie-Van Ojik c.s. (34775-V, nr. 21, was "
        + "nr. 14).\n\nDe voorzitter:\nIk constateer dat de aanwezige leden van de fracties van GroenLinks en DENK "
        + "voor deze gewijzigde motie hebben gestemd en de leden van de overige fracties ertegen, zodat zij is "
        + "verworpen.").getFirst();
    assertThat(present.status()).isEqualTo("verworpen");
    assertThat(present.votesFor()).containsExactly("GroenLinks", "DENK");
  }

  @Test
  void voteListDecisionsAndSeparableVerbs() {
    List<MotionMention> list = motions("19637-3071 Motie van het lid Brekelmans over de opvang\nBesluit: "
        + "Aangenomen.\nVoor: VVD, D66, Groep Van Haga (82 zetels)\nTegen: GroenLinks, PvdA (68 zetels)\n\n"
        + "19637-3073 Motie van de leden Kuzu en Van Baarle over Turkije\nBesluit: Aangehouden.");
    assertThat(list).extracting(MotionMention::documentId, MotionMention::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("kst-19637-3071", "aangenomen"),
        org.assertj.core.groups.Tuple.tuple("kst-19637-3073", "aangehouden"));
    assertThat(list.getFirst().votesFor()).containsExactly("VVD", "D66", "Groep Van Haga");
    assertThat(list.getFirst().votesAgainst()).containsExactly("GroenLinks", "PvdA");
    assertThat(motions("Gezien het oordeel van de minister houd ik mijn motie op stuk nr. 2438 aan. Dan trek ik de "
        + "motie-Piri (21501-02, nr. 2440) in. Over de aangenomen motie-Koopmans zijn wij tevreden."))
        .extracting(MotionMention::status).containsExactly("aangehouden", "ingetrokken", "aangenomen");
  }

  @Test
  void aHeadingMotiesIsNoListAndHidesNoMotion() {
    assertThat(motions("Moties\nDe motie-Jacobi/Samsom (Kamerstuk 30 872, nr. 60) verzoekt om een verbod."))
        .extracting(MotionMention::documentId).containsExactly("kst-30872-60");
  }

  @Test
  void eerstKamerVerdictAfterTheVoteIsAnnounced() {
    List<MotionMention> votes = motions("Aan de orde is de stemming over de motie-Nicolaï c.s. over de rechtsstaat "
        + "(35570-VI, letter E).\n\nDe motie wordt met 38 tegen 37 stemmen aangenomen.\n\n(Voor stemmen de leden van "
        + "de fracties van: CDA, D66 en VVD.)\n\nAan de orde is de stemming over de motie-Dittrich (35570-VI, letter F)."
        + "\n\nDe motie wordt zonder stemming verworpen.");
    assertThat(votes).extracting(MotionMention::status).containsExactly("aangenomen", "verworpen");
    assertThat(votes.getFirst().votesFor()).containsExactly("CDA", "D66", "VVD");
  }

  @Test
  void aMotionReplacedByAChangedMotionWasChanged() {
    List<MotionMention> list = motions("te weten:\n- de motie-Knops c.s. over de kosten (26488, nr. 333);\n"
        + "- de nader gewijzigde motie-Knops c.s. over de kosten (26488, nr. 341, was nr. 333).");
    assertThat(list).extracting(MotionMention::number, MotionMention::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("333", "gewijzigd"),
            org.assertj.core.groups.Tuple.tuple("341", null));
  }

  @Test
  void theVerbOfASubordinateClauseAndAMemberVotingBesideAParty() {
    assertThat(motions("Mevrouw Teunissen heeft mij laten weten dat zij haar motie over de import (34669, "
        + "letter L) intrekt. De leden Koole en Schrijver hebben gevraagd hun motie (34669, letter J) aan te houden."))
        .extracting(MotionMention::status).containsExactly("ingetrokken", "aangehouden");
    MotionMention vote = motions("In stemming komt de motie-Bontes (26488, nr. 336).\n\nDe voorzitter:\nIk "
        + "constateer dat het lid Bontes en de leden van de fractie van de PVV voor deze motie hebben gestemd en de "
        + "leden van de overige fracties ertegen, zodat zij is verworpen.").getFirst();
    assertThat(vote.status()).isEqualTo("verworpen");
    assertThat(vote.votesFor()).containsExactly("Bontes", "PVV");
  }

  @Test
  void theFateOfAMotionStatedOfItByDieMotie() {
    assertThat(motions("De leden wijzen op de motie-Karabulut (Kamerstuk 32 847, nr. 151) over een huurbevriezing. "
        + "Die motie is destijds verworpen. Zo ook de motie-Bisschop c.s. (Kamerstuk 21 501-32, nr. 1121), die de "
        + "regering verzocht de visserij te borgen, en dat die motie is aangenomen."))
        .extracting(MotionMention::status).containsExactly("verworpen", "aangenomen");
  }

  @Test
  void aFootnoteNumberGluedToTheSubmittersGivesTheKamerstukAndTheFate() {
    List<MotionMention> list = motions("tegemoet aan de motie-Van der Staaij c.s.1, en aan de zorgen die in de\n"
        + "motie van de leden Knops en Ten Broeke2 zijn verwoord.\n\nDe Minister,\nX\n\n1 Kamerstuk 27 925, nr. 545."
        + "\n2 Kamerstuk 27 925, nr. 556; deze motie werd op 1 december 2015 aangehouden.\n");
    assertThat(list).extracting(MotionMention::documentId, MotionMention::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kst-27925-545", null),
            org.assertj.core.groups.Tuple.tuple("kst-27925-556", "aangehouden"));
    // footnote 3 is not there: footnote 2 belongs to another marker
    assertThat(motions("de motie-Omtzigt3 is besproken. Zo gaat dat.\n\n2 Kamerstuk 27 925, nr. 556"))
        .extracting(MotionMention::number).containsOnlyNulls();
  }

  @Test
  void voteListVerdictsLabelledOtherwiseOrStandingAlone() {
    List<MotionMention> list = motions("36200-XIV-12 Motie van het lid Van der Plas over mest\nAangenomen.\n"
        + "Voor: BBB, PVV (76 zetels)\nTegen: GroenLinks (74 zetels)\n\n36200-XIV-13 Motie van het lid Bromet over "
        + "natuur\nUitslag: Verworpen.\n\n36200-XIV-14 Motie van het lid Grinwis over water\nVerworpen met 60 "
        + "stemmen voor.");
    assertThat(list).extracting(MotionMention::status).containsExactly("aangenomen", "verworpen", "verworpen");
    assertThat(list.getFirst().votesFor()).containsExactly("BBB", "PVV");
    assertThat(list.getFirst().votesAgainst()).containsExactly("GroenLinks");
  }

  @Test
  void aKamerstukRightAfterMotieBeforeItsSubmitters() {
    assertThat(motions("Motie 36 200 XIV, nr. 12 van het lid Van der Plas over mest. Motie 36200-XIV-13 van het lid "
        + "Bromet over natuur is aangenomen. De motie 2022 was een andere."))
        .extracting(MotionMention::documentId, MotionMention::submitters, MotionMention::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kst-36200-XIV-12", List.of("Van der Plas"), null),
            org.assertj.core.groups.Tuple.tuple("kst-36200-XIV-13", List.of("Bromet"), "aangenomen"));
  }

  @Test
  void aMotionDocumentWithoutFooterIsNumberedByItsPrintedHeading() {
    MotionMention m = motions("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2018–2019\n\n35 000 XIV Vaststelling "
        + "van de begrotingsstaten\n\nNr. 38 MOTIE VAN DE LEDEN BISSCHOP EN GEURTS\nVoorgesteld 15 november 2018\n\n"
        + "De Kamer,\n\ngehoord de beraadslaging,").getFirst();
    assertThat(m.submitters()).containsExactly("Bisschop", "Geurts");
    assertThat(m.documentId()).isEqualTo("kst-35000-XIV-38");
  }

  @Test
  void partiesAgainstNamedByTegenDezeMotie() {
    MotionMention m = motions("In stemming komt de motie-Wilders (35000, nr. 12).\n\nDe voorzitter:\nIk constateer dat de "
        + "leden van de fracties van de PVV en FvD tegen deze motie hebben gestemd en de leden van de overige fracties "
        + "ervoor, zodat zij is aangenomen.").getFirst();
    assertThat(m.status()).isEqualTo("aangenomen");
    assertThat(m.votesFor()).isEmpty();
    assertThat(m.votesAgainst()).containsExactly("PVV", "FvD");
  }

  @Test
  void aHeadingMotiesBeforeASentenceWithAColonHidesNoMotion() {
    assertThat(motions("2.5 Moties\nDe motie-Hermans c.s. (Kamerstuk 35 830, nr. 12) over de energierekening is "
        + "uitgevoerd: huishoudens krijgen korting."))
        .extracting(MotionMention::documentId).containsExactly("kst-35830-12");
    assertThat(motions("De volgende aangehouden moties zijn vervallen: 35925-XVII-46; 36045-53."))
        .extracting(MotionMention::documentId).containsExactly("kst-35925-XVII-46", "kst-36045-53");
  }

  @Test
  void aKamerstukSetOffByCommasAfterTheMotion() {
    assertThat(motions("Ik verwijs naar mijn motie bij de Miljoenennota, 36200, nr. 41, die is aangenomen."))
        .extracting(MotionMention::documentId).containsExactly("kst-36200-41");
    assertThat(motions("de motie van de heer Omtzigt, 2 miljoen erbij, vind ik sympathiek"))
        .extracting(MotionMention::documentId).containsOnlyNulls();
  }

  @Test
  void aMotionCalledAfterItsFirstSubmitter() {
    String readOut = "Aan de orde is het VAO Jeugd (31839).\nDeze motie is voorgesteld door de leden Bergkamp en "
        + "Ypma. Zij krijgt nr. 61 (31839).\n";
    assertThat(motions(readOut + "Ik steun de motie van mevrouw Bergkamp."))
        .extracting(MotionMention::documentId).containsExactly("kst-31839-61", "kst-31839-61");
    // Ypma is no first submitter; two motions of Bergkamp leave it open
    assertThat(motions(readOut + "Ik steun de motie van mevrouw Ypma.").get(1).documentId()).isNull();
    assertThat(motions(readOut + "Deze motie is voorgesteld door de leden Bergkamp en Keijzer. Zij krijgt nr. 62 "
        + "(31839).\nIk steun de motie van mevrouw Bergkamp.").get(2).documentId()).isNull();
  }

  @Test
  void aReadOutMotionNamedByItsNumberAndSubmittersWithoutTheWordMotie() {
    String readOut = "Deze motie is voorgesteld door de leden Leijten en Keijzer. Zij krijgt nr. 63 (31839).\n";
    assertThat(motions(readOut + "Dan nr. 63 van mevrouw Leijten en mevrouw Keijzer. Ontraden."))
        .extracting(MotionMention::documentId, MotionMention::submitters)
        .containsExactly(tuple("kst-31839-63", List.of("Leijten", "Keijzer")),
            tuple("kst-31839-63", List.of("Leijten", "Keijzer")));
    // a number never read out, a letter's number, and the motion anchor's own "op stuk nr." are no extra mentions
    assertThat(motions(readOut + "Dan nr. 64 van mevrouw Leijten. Brief nr. 63 van de minister. De motie op stuk "
        + "nr. 63 van mevrouw Leijten ontraad ik.")).hasSize(2);
    assertThat(motions("Dan nr. 63 van mevrouw Leijten.")).isEmpty();
  }
}
