package nl.kamerstroom.chaos;

/**
 * The services the suite runs, each started with its launcher command. The OpenSearch store is
 * index-service with {@code INDEX_STORE=opensearch}: its instances share one consumer group and
 * write into one OpenSearch node, where each Lucene index instance is a whole replica of its own.
 */
enum ServiceKind {
    INGEST("ingest", "ingest"),
    ENRICH("enrich", "enrich"),
    LUCENE_INDEX("index", "index"),
    OPENSEARCH_INDEX("index", "opensearch-index");

    /** The launcher command: {@code Kamerstroom ingest|enrich|index}. */
    final String command;
    /** Instance ids are this prefix, a dash and the instance number. */
    final String idPrefix;

    ServiceKind(String command, String idPrefix) {
        this.command = command;
        this.idPrefix = idPrefix;
    }
}
