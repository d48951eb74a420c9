package nl.kamerstroom.index;

import java.util.Arrays;
import java.util.Locale;
import nl.kamerstroom.common.config.Setting;

/** Which store the index-service feeds from documents.index and searches. */
public enum IndexStore {
    /** Lucene on local disk, a whole replica per instance (the default: nothing else to run). */
    LUCENE,
    /** An OpenSearch cluster shared by all instances, for collections beyond one machine. */
    OPENSEARCH;

    public static final Setting<IndexStore> SETTING = new Setting<>("INDEX_STORE",
            "Store fed from documents.index and searched by the API: lucene (local) or opensearch (OPENSEARCH_URL).",
            "lucene", "lucene|opensearch", IndexStore::parse);

    static IndexStore parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected one of " + Arrays.stream(values())
                    .map(store -> store.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
