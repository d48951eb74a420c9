package nl.kamerstroom.extraction.ministry;

import nl.kamerstroom.extraction.Ministry;

/**
 * One way of naming a ministry. {@code needsOffice}: the name is a minister's portfolio ("Medische
 * Zorg", "Ontwikkelingssamenwerking") and only names the ministry after "minister voor" and the like.
 */
public record MinistryName(Ministry ministry, boolean needsOffice) {}
