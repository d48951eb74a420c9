package nl.kamerstroom.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Properties;

/**
 * The version of the extraction rules, recorded in every enriched document so that
 * {@code kamerstroom reprocess --older-than-version} can find the documents an upgrade should
 * redo. It is the project version of this build (the rules ship with it), filled in by Maven.
 */
public final class ExtractorVersion {

    /** The version this build enriches with, e.g. {@code 0.2.0} or {@code 0.2.0-SNAPSHOT}. */
    public static final String CURRENT = load();

    /**
     * Orders versions: numeric parts numerically ({@code 0.10.0} after {@code 0.9.1}), a
     * pre-release after its dash before the release ({@code 0.2.0-SNAPSHOT} before {@code 0.2.0}),
     * and null (documents enriched before versions were recorded) before everything.
     */
    public static final Comparator<String> ORDER = Comparator.nullsFirst(ExtractorVersion::compare);

    private ExtractorVersion() {
    }

    private static int compare(String a, String b) {
        String[] releaseA = a.split("-", 2);
        String[] releaseB = b.split("-", 2);
        String[] partsA = releaseA[0].split("\\.");
        String[] partsB = releaseB[0].split("\\.");
        for (int i = 0; i < Math.max(partsA.length, partsB.length); i++) {
            int order = comparePart(i < partsA.length ? partsA[i] : "0", i < partsB.length ? partsB[i] : "0");
            if (order != 0) {
                return order;
            }
        }
        if (releaseA.length != releaseB.length) {
            return releaseA.length > releaseB.length ? -1 : 1;
        }
        return releaseA.length == 1 ? 0 : releaseA[1].compareTo(releaseB[1]);
    }

    private static int comparePart(String a, String b) {
        if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
                && !a.isEmpty() && !b.isEmpty()) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private static String load() {
        try (InputStream in = ExtractorVersion.class.getResourceAsStream("/nl/kamerstroom/enrich/extractor.properties")) {
            if (in == null) {
                throw new IllegalStateException("extractor.properties is missing from the enrich-service jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
