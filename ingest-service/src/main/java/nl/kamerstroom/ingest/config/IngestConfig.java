package nl.kamerstroom.ingest.config;

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
 * Everything ingest-service reads from its environment, parsed once.
 *
 * @param workDir      where claimed files wait while they are processed; must be on the same file
 *                     system as the inbox, because a claim is an atomic rename
 * @param maxTextChars extracted text above this is cut off and the event says textTruncated
 * @param maxAbandonedParses abandoned parses that may still hold a thread before no more files are claimed
 * @param knownIdsMax  document ids remembered for duplicate detection
 */
public record IngestConfig(KafkaConfig kafka, HttpConfig http, Path inboxDir, Path doneDir, Path failedDir,
                           Path workDir, Duration settleTime, Duration rescanInterval, long maxFileSize,
                           Duration parseTimeout, int maxTextChars, int parseThreads, int maxAbandonedParses,
                           int knownIdsMax) {

    public static final int DEFAULT_HTTP_PORT = 8091;

    public static final Setting<Path> INBOX_DIR = Setting.path("INBOX_DIR", "kamerstroom-data/inbox",
            "Folder operators drop files into; sub-folders are scanned too.");
    public static final Setting<Path> DONE_DIR = Setting.path("DONE_DIR", "kamerstroom-data/done",
            "Where a file goes once the broker has acknowledged its event (same relative path as in the inbox).");
    public static final Setting<Path> FAILED_DIR = Setting.path("FAILED_DIR", "kamerstroom-data/failed",
            "Where a file that cannot be ingested goes, with NAME.error.json beside it.");
    public static final Setting<String> WORK_DIR = Setting.string("WORK_DIR", "",
            "Folder for claimed files and the list of known document ids; empty means INBOX_DIR/.kamerstroom "
                    + "(it must be on the inbox's file system: a claim is an atomic rename).");
    public static final Setting<Duration> SETTLE_TIME = Setting.duration("SETTLE_TIME", "500ms",
            "A file is taken once its size and modification time have not changed for this long.");
    public static final Setting<Duration> RESCAN_INTERVAL = Setting.duration("RESCAN_INTERVAL", "5s",
            "Full rescan of the inbox as a safety net for file-system events the watcher missed.");
    public static final Setting<Long> MAX_FILE_SIZE = Setting.bytes("MAX_FILE_SIZE", "100MB",
            "Files larger than this go to failed/ unread.");
    public static final Setting<Duration> PARSE_TIMEOUT = Setting.duration("PARSE_TIMEOUT", "60s",
            "A parse still running after this is abandoned and the file goes to failed/.");
    public static final Setting<Integer> MAX_TEXT_CHARS = Setting.integer("MAX_TEXT_CHARS", 10_000_000,
            "Extracted text is cut at this many characters (textTruncated=true in the event). 10M chars is about "
                    + "10 MB of Dutch text, twice the largest budget document; zstd keeps the event far below the "
                    + "topic's 16 MiB limit.");
    public static final Setting<Integer> PARSE_THREADS = Setting.integer("PARSE_THREADS",
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            "Files parsed at the same time (default: number of CPUs).");
    public static final Setting<Integer> MAX_ABANDONED_PARSES = Setting.integer("MAX_ABANDONED_PARSES", 2,
            "Parses abandoned after PARSE_TIMEOUT that may still hold a thread (a parser that ignores the interrupt "
                    + "runs on until it ends by itself); while this many run, no new files are claimed.");
    public static final Setting<Integer> KNOWN_IDS_MAX = Setting.integer("KNOWN_IDS_MAX", 100_000,
            "Document ids remembered for duplicate detection (about 100 bytes of heap each; the least recently seen "
                    + "are forgotten first). A copy of a forgotten document is parsed and sent again, unflagged; "
                    + "consumers treat ids idempotently.");

    /** Every setting the service reads, shared ones included, for documentation and checks. */
    public static final List<Setting<?>> SETTINGS = settings();

    public IngestConfig {
        if (maxTextChars < 1) {
            throw new ConfigException("MAX_TEXT_CHARS must be at least 1, got " + maxTextChars);
        }
        if (parseThreads < 1) {
            throw new ConfigException("PARSE_THREADS must be at least 1, got " + parseThreads);
        }
        if (maxAbandonedParses < 1) {
            throw new ConfigException("MAX_ABANDONED_PARSES must be at least 1, got " + maxAbandonedParses);
        }
        if (knownIdsMax < 1) {
            throw new ConfigException("KNOWN_IDS_MAX must be at least 1, got " + knownIdsMax);
        }
        if (maxFileSize < 1) {
            throw new ConfigException("MAX_FILE_SIZE must be at least 1 byte, got " + maxFileSize);
        }
        if (inboxDir.equals(doneDir) || inboxDir.equals(failedDir)) {
            // Finished files would be found again as new ones, for ever.
            throw new ConfigException("DONE_DIR and FAILED_DIR must differ from INBOX_DIR " + inboxDir
                    + " (folders inside the inbox are fine: they are not scanned)");
        }
        if (settleTime.isNegative() || !parseTimeout.isPositive() || !rescanInterval.isPositive()) {
            throw new ConfigException("SETTLE_TIME must be zero or more, PARSE_TIMEOUT and RESCAN_INTERVAL positive");
        }
    }

    public static IngestConfig from(Settings settings) {
        Path inbox = settings.get(INBOX_DIR).toAbsolutePath().normalize();
        String work = settings.get(WORK_DIR);
        Path workDir = work.isBlank() ? inbox.resolve(".kamerstroom") : Path.of(work).toAbsolutePath().normalize();
        return new IngestConfig(KafkaConfig.from(settings), HttpConfig.from(settings, DEFAULT_HTTP_PORT), inbox,
                settings.get(DONE_DIR).toAbsolutePath().normalize(),
                settings.get(FAILED_DIR).toAbsolutePath().normalize(), workDir,
                settings.get(SETTLE_TIME), settings.get(RESCAN_INTERVAL), settings.get(MAX_FILE_SIZE),
                settings.get(PARSE_TIMEOUT), settings.get(MAX_TEXT_CHARS), settings.get(PARSE_THREADS),
                settings.get(MAX_ABANDONED_PARSES), settings.get(KNOWN_IDS_MAX));
    }

    /**
     * This instance's own claimed files: instances sharing an inbox never touch each other's claims.
     * The instance id is made safe as a folder name.
     */
    public Path claimedDir() {
        return workDir.resolve("claimed").resolve(kafka.instanceId().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Ids of documents whose events the broker acknowledged, one per line, shared by instances (see KnownIds). */
    public Path knownIdsFile() {
        return workDir.resolve("known-ids.txt");
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(KafkaConfig.SETTINGS);
        all.addAll(HttpConfig.settings(DEFAULT_HTTP_PORT));
        all.addAll(List.of(INBOX_DIR, DONE_DIR, FAILED_DIR, WORK_DIR, SETTLE_TIME, RESCAN_INTERVAL, MAX_FILE_SIZE,
                PARSE_TIMEOUT, MAX_TEXT_CHARS, PARSE_THREADS, MAX_ABANDONED_PARSES, KNOWN_IDS_MAX));
        return List.copyOf(all);
    }
}
