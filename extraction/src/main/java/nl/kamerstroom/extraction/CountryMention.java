package nl.kamerstroom.extraction;

/** A country named as a noun; {@code iso2} is ISO 3166-1 alpha-2 (Kosovo: XK). */
public record CountryMention(String text, int start, int end, String iso2, String dutchName) {}
