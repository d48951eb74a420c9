package nl.kamerstroom.enrich.entities;

import nl.kamerstroom.schema.EntityType;
import nl.kamerstroom.schema.MotionMention;

/** The canonical ids of entities, shared by the summary, the mentions topic and the counts. */
public final class EntityKeys {

    private static final char SEPARATOR = ':';

    private EntityKeys() {
    }

    /** The key of {@code entities.mentions} and {@code entities.counts}: {@code TYPE:ID}, e.g. {@code MINISTRY:BZ}. */
    public static String key(EntityType type, String id) {
        return type.name() + SEPARATOR + id;
    }

    /**
     * A motion is known by its Kamerstuk id ({@code kst-36045-12}); a motion mentioned only by
     * its submitters is known by their names ({@code Omtzigt, Van Dijk}), the best id the text
     * gives. Null when the mention has neither.
     */
    public static String motionId(MotionMention motion) {
        if (motion.getDocumentId() != null) {
            return motion.getDocumentId();
        }
        return motion.getSubmitters().isEmpty() ? null : String.join(", ", motion.getSubmitters());
    }
}
