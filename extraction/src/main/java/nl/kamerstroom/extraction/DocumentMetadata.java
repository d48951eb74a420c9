package nl.kamerstroom.extraction;

import java.time.LocalDate;

/**
 * What the text says about itself; every field is null when the text does not carry it.
 *
 * @param title the document's own title (the subject of a letter, the agenda item of a debate, the
 *     question of Kamervragen, the heading of a news item or fiche)
 * @param date the date the document states (letter date, meeting date, date of the answer); it wins over
 *     the file's metadata
 * @param documentType Kamerbrief, motie, amendement, Handelingen, Kamervragen, antwoord, BNC-fiche,
 *     Woo-besluit, nota, verslag, memorie van toelichting, wetsvoorstel, nieuwsbericht,
 *     aanbiedingsformulier or overig
 * @param kamerstuk the document's own kamerstuk as {@code kst-DOSSIER-NUMBER}
 * @param sender the minister in a letter's heading
 * @param chamber "Tweede Kamer" or "Eerste Kamer"
 * @param documentId the document's own public id: its kamerstuk ({@code kst-36045-53}), Handelingen item
 *     ({@code h-tk-20182019-45-7}, {@code h-ek-…}) or Kamervragen answer ({@code ah-tk-20102011-1785})
 */
public record DocumentMetadata(String title, LocalDate date, String documentType, String kamerstuk, String sender,
    String chamber, String documentId) {

  /** Without chamber and public id (callers that predate them). */
  public DocumentMetadata(String title, LocalDate date, String documentType, String kamerstuk, String sender) {
    this(title, date, documentType, kamerstuk, sender, null, kamerstuk);
  }
}
