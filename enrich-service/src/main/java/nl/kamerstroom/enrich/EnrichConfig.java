package nl.kamerstroom.enrich;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.HttpConfig;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;

/**
 * Everything the enrich-service reads from its environment, parsed once.
 *
 * @param applicationId  Kafka Streams application.id: consumer group, transactional id prefix
 *                       and prefix of the internal topics; instances with the same id share the work
 * @param streamThreads  stream threads in this instance; each works on its own partitions
 * @param stateDir       the folder under which each instance keeps its local state stores (seen ids,
 *                       entity counts) in a sub-folder of its own, {@link #instanceStateDir()}
 * @param commitInterval how often Streams commits a transaction; bounds end-to-end latency
 * @param progressInterval how often a summary line is logged while documents flow
 * @param startupTimeout   how long {@code start()} waits for Streams to be RUNNING
 * @param staticMembership whether the stream threads join the group as static members named
 *                       after the instance id
 * @param maxRecordBytes   the largest record the service writes (the producer's max.request.size)
 * @param stateStoreMemoryBytes the native memory all RocksDB state stores of this instance share
 *                       (block cache and memtables)
 */
public record EnrichConfig(KafkaConfig kafka, HttpConfig http, String applicationId, int streamThreads,
                           Path stateDir, Duration commitInterval, Duration progressInterval,
                           Duration startupTimeout, boolean staticMembership, int maxRecordBytes,
                           long stateStoreMemoryBytes) {

    public static final int DEFAULT_HTTP_PORT = 8092;
    static final int MIN_RECORD_BYTES = 64 * 1024;
    static final long MIN_STATE_STORE_MEMORY = 8L << 20;

    public static final Setting<String> APPLICATION_ID = Setting.string("APPLICATION_ID", "kamerstroom-enrich",
            "Kafka Streams application.id: consumer group, transactional id and internal topic prefix. "
                    + "Instances with the same id share the partitions.");
    public static final Setting<Integer> STREAM_THREADS = Setting.integer("STREAM_THREADS", 1,
            "Stream threads in this instance (at most TOPIC_PARTITIONS do work).");
    public static final Setting<Path> STATE_DIR = Setting.path("STATE_DIR", "kamerstroom-data/enrich/streams-state",
            "Folder of the local state stores; each instance uses its own sub-folder STATE_DIR/INSTANCE_ID, so "
                    + "instances may share one volume. Keep it across restarts so the stores need not be restored.");
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("COMMIT_INTERVAL", "50ms",
            "Transaction commit interval. Output becomes visible to read_committed readers on commit, "
                    + "so this bounds latency; shorter means more transactions per second.");
    public static final Setting<Duration> PROGRESS_INTERVAL = Setting.duration("PROGRESS_INTERVAL", "30s",
            "How often a progress line is logged while documents are being enriched.");
    public static final Setting<Duration> STARTUP_TIMEOUT = Setting.duration("STARTUP_TIMEOUT", "2m",
            "How long start-up waits for Kafka Streams to be RUNNING (restoring large state stores takes a while).");
    public static final Setting<Boolean> STATIC_MEMBERSHIP = Setting.bool("STATIC_MEMBERSHIP", false,
            "Join the consumer group as a static member named APPLICATION_ID-INSTANCE_ID: a restarted instance "
                    + "gets its partitions back at once, without a rebalance. Needs a unique INSTANCE_ID per instance.");

    public static final Setting<Long> MAX_RECORD_BYTES = Setting.bytes("MAX_RECORD_BYTES", "16MiB",
            "Largest record the service writes, before compression; an enriched document that would be larger "
                    + "goes to documents.dlq. At most the topics' max.message.bytes (16 MiB).");

    public static final Setting<Long> STATE_STORE_MEMORY = Setting.bytes("STATE_STORE_MEMORY", "32MiB",
            "Native memory shared by all RocksDB state stores of the instance (block cache and memtables). "
                    + "Without a bound each store partition takes up to ~100 MB as data grows.");

    public static final List<Setting<?>> SETTINGS = settings();

    public EnrichConfig {
        if (streamThreads < 1) {
            throw new ConfigException("STREAM_THREADS must be at least 1");
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new ConfigException("COMMIT_INTERVAL must be positive");
        }
        if (stateStoreMemoryBytes < MIN_STATE_STORE_MEMORY) {
            throw new ConfigException("STATE_STORE_MEMORY must be at least " + (MIN_STATE_STORE_MEMORY >> 20) + " MiB");
        }
        if (maxRecordBytes < MIN_RECORD_BYTES) {
            throw new ConfigException("MAX_RECORD_BYTES must be at least " + MIN_RECORD_BYTES + " bytes");
        }
    }

    public static EnrichConfig from(Settings settings) {
        return new EnrichConfig(KafkaConfig.from(settings), HttpConfig.from(settings, DEFAULT_HTTP_PORT),
                settings.get(APPLICATION_ID), settings.get(STREAM_THREADS), settings.get(STATE_DIR),
                settings.get(COMMIT_INTERVAL), settings.get(PROGRESS_INTERVAL), settings.get(STARTUP_TIMEOUT),
                settings.get(STATIC_MEMBERSHIP), Math.toIntExact(settings.get(MAX_RECORD_BYTES)),
                settings.get(STATE_STORE_MEMORY));
    }

    /**
     * This instance's Kafka Streams state directory. Kafka Streams locks its state directory, so two
     * instances in one folder cannot both start; named after INSTANCE_ID, the folder is this instance's
     * alone, and a restart with the same id (a container keeps its host name) finds its stores again.
     */
    public Path instanceStateDir() {
        return stateDir.resolve(kafka.instanceFolderName());
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(KafkaConfig.SETTINGS);
        all.addAll(HttpConfig.settings(DEFAULT_HTTP_PORT));
        all.addAll(List.of(APPLICATION_ID, STREAM_THREADS, STATE_DIR, COMMIT_INTERVAL, PROGRESS_INTERVAL,
                STARTUP_TIMEOUT, STATIC_MEMBERSHIP, MAX_RECORD_BYTES, STATE_STORE_MEMORY));
        return List.copyOf(all);
    }
}
