package nl.kamerstroom.extraction;

import java.time.LocalDate;

/** What the text says about itself; every field is null when the text does not carry it. */
public record DocumentMetadata(String title, LocalDate date, String documentType, String kamerstuk, String sender) {}
