package nl.kamerstroom.extraction.country;

/** A country as the gazetteer knows it: ISO 3166-1 alpha-2 code and Dutch name. */
public record CountryName(String iso2, String dutchName) {}
