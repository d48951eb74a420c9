package nl.kamerstroom.extraction;

/**
 * A Dutch ministry as an organisation: short code (AZ, BZ, BZK, ...), official name, TOOI identifier URI
 * (null where the register entry could not be verified) and the years in which it existed (null = open).
 */
public record Ministry(String code, String officialName, String tooiUri, Integer fromYear, Integer toYear) {}
