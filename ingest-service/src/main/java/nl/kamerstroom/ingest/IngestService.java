package nl.kamerstroom.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.http.HttpServer;
import nl.kamerstroom.common.http.ServiceMetrics;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.ingest.inbox.ClaimOwnership;
import nl.kamerstroom.ingest.inbox.Claimer;
import nl.kamerstroom.ingest.inbox.IgnoredFileName;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.inbox.InboxLoop;
import nl.kamerstroom.ingest.inbox.InboxScanner;
import nl.kamerstroom.ingest.inbox.InboxWatcher;
import nl.kamerstroom.ingest.inbox.SettledFiles;
import nl.kamerstroom.ingest.inbox.Wakeup;
import nl.kamerstroom.ingest.metrics.IngestMetrics;
import nl.kamerstroom.ingest.metrics.ProgressLog;
import nl.kamerstroom.ingest.parse.LanguageGuesser;
import nl.kamerstroom.ingest.parse.OcrSupport;
import nl.kamerstroom.ingest.parse.TikaExtractor;
import nl.kamerstroom.ingest.parse.TimedParser;
import nl.kamerstroom.ingest.pipeline.IngestPipeline;
import nl.kamerstroom.ingest.publish.EventPublisher;
import nl.kamerstroom.ingest.publish.KnownIds;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbox folder to {@code documents.ingested}: watches the inbox, claims complete files, extracts
 * them with Tika and publishes one event per file; files end in done/ or failed/. Serves
 * /health and /metrics. Wiring only: each step lives in its own package.
 */
public final class IngestService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = ServiceMetrics.create("ingest");
    private final IngestMetrics metrics = new IngestMetrics(registry);
    private final Wakeup wakeup = new Wakeup();
    private volatile String status = "NEW";
    private volatile OcrSupport ocr = OcrSupport.none();
    private KnownIds knownIds;
    private ClaimOwnership ownership;
    private EventPublisher publisher;
    private KafkaClientMetrics producerMetrics;
    private TimedParser parser;
    private IngestPipeline pipeline;
    private InboxWatcher watcher;
    private InboxLoop loop;
    private ProgressLog progress;
    private HttpServer http;

    public IngestService(IngestConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock decides when files have settled and stamps events; tests pass their own */
    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ingest";
    }

    /**
     * Starts every part, HTTP first (so /health says STARTING while the broker is awaited). If a
     * part cannot start, the parts already started are stopped (no thread is left to keep the JVM
     * alive) and one exception says why, in words an operator can act on.
     */
    @Override
    public synchronized void start() {
        status = "STARTING";
        try {
            startParts();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("ingest-service could not start: " + whyNotStarted(e), e);
        }
        status = "RUNNING";
        LOG.info("Ingest-service watching {} (done: {}, failed: {}, claimed: {}; {} known documents)",
                config.inboxDir(), config.doneDir(), config.failedDir(), config.claimedDir(), knownIds.size());
    }

    private void startParts() throws Exception {
        http = HttpServer.builder(config.http()).health(this::health).metrics(registry).start();
        Folders.prepare(config);
        Path claimedRoot = config.claimedDir().getParent();
        ownership = ClaimOwnership.acquire(claimedRoot, config.claimedDir().getFileName().toString());
        ownership.adoptOrphans(claimedRoot, config.claimedDir());
        ocr = detectOcr();
        knownIds = KnownIds.open(config.knownIdsFile(), config.knownIdsMax());
        startPublisher();
        parser = new TimedParser(new TikaExtractor(config.maxTextChars(), ocr, config.parseTimeout(),
                new LanguageGuesser()), config.parseTimeout(), config.parseThreads(), config.maxAbandonedParses(),
                wakeup::signal);
        registerGauges();
        startInbox();
        progress = new ProgressLog(metrics, Duration.ofSeconds(10));
        progress.start();
    }

    private String whyNotStarted(Exception e) {
        if (e instanceof BindException) {
            return "HTTP_PORT " + config.http().port() + " on " + config.http().bindAddress()
                    + " is already in use (" + e.getMessage() + ")";
        }
        if (e instanceof KafkaException) {
            return "Kafka at " + config.kafka().bootstrapServers() + " did not answer: " + e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static OcrSupport detectOcr() {
        OcrSupport found = OcrSupport.detect();
        if (found.available()) {
            LOG.info("OCR available: Tesseract reads scanned pages ({})", found.languages());
        } else {
            LOG.warn("OCR unavailable: tesseract is not on PATH, so scanned pages without a text layer yield no text "
                    + "(install tesseract-ocr and tesseract-ocr-nld)");
        }
        return found;
    }

    private void startPublisher() {
        Topics topics = Topics.create(config.kafka().serdeConfig());
        try (Admin admin = Admin.create(KafkaClients.admin(config.kafka(), "ingest-admin"))) {
            TopicCreator.ensure(admin, List.of(topics.ingested, topics.failed), config.kafka().topicPartitions(),
                    config.kafka().topicReplicationFactor(), config.kafka().topicCreationTimeout());
        }
        publisher = EventPublisher.create(config.kafka(), topics);
        producerMetrics = new KafkaClientMetrics(publisher.producer());
        producerMetrics.bindTo(registry);
    }

    private void registerGauges() {
        metrics.countFrom("kamerstroom.ingest.parses.abandoned", "Parses interrupted after PARSE_TIMEOUT",
                parser::abandoned);
        metrics.gauge("kamerstroom.ingest.ocr.available", "1 when Tesseract OCR is installed",
                () -> ocr.available() ? 1 : 0);
        metrics.gauge("kamerstroom.ingest.parses.abandoned.running",
                "Abandoned parses still holding a thread (at MAX_ABANDONED_PARSES no files are claimed)",
                parser::stillRunning);
        metrics.gauge("kamerstroom.ingest.claiming.paused", "1 while abandoned parses hold MAX_ABANDONED_PARSES threads",
                () -> parser.saturated() ? 1 : 0);
        metrics.gauge("kamerstroom.ingest.known.ids", "Document ids remembered for duplicate detection (at most "
                + "KNOWN_IDS_MAX)", knownIds::size);
    }

    /** Resumes what was claimed before, then watches the inbox. */
    private void startInbox() throws IOException {
        // Claimed files are cheap (a path each) but bounded, so the backlog stays visible in the inbox.
        // The scanner refills half of it per scan; that must outlast the workers' pace (a few ms a
        // file) plus a scan of a large inbox, or the workers starve between refills.
        Semaphore capacity = new Semaphore(Math.max(64, config.parseThreads() * 16));
        Claimer claimer = new Claimer(config.claimedDir());
        pipeline = new IngestPipeline(config, parser, knownIds, publisher, claimer, metrics, capacity, wakeup, clock);
        // Real paths: an inbox reached through a symlink is walked as the folder it is, never as a link.
        Path inbox = config.inboxDir().toRealPath();
        InboxScanner scanner = new InboxScanner(inbox, Set.of(config.doneDir().toRealPath(),
                config.failedDir().toRealPath(), realPathIfPresent(config.workDir())), new IgnoredFileName());
        loop = new InboxLoop(scanner, new SettledFiles(clock, config.settleTime()), claimer, capacity,
                parser::saturated, pipeline::submit, metrics::backlog, wakeup, config.rescanInterval(), clock);
        List<InboxFile> unfinished = claimer.recover();
        if (!unfinished.isEmpty()) {
            LOG.info("Resuming {} files claimed before the last stop (a repeat of an acknowledged file is flagged "
                    + "as a duplicate)", unfinished.size());
        }
        watcher = new InboxWatcher(inbox, wakeup);
        watcher.start();
        loop.start(unfinished);
    }

    private static Path realPathIfPresent(Path path) throws IOException {
        return Files.exists(path) ? path.toRealPath() : path;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("inbox", config.inboxDir().toString());
        details.put("backlog", metrics.backlog());
        details.put("inProgress", metrics.inProgress().get());
        details.put("ocrAvailable", ocr.available());
        details.put("parsesAbandoned", parser == null ? 0 : parser.abandoned());
        details.put("abandonedParsesRunning", parser == null ? 0 : parser.stillRunning());
        details.put("claimingPaused", parser != null && parser.saturated());
        if ("RUNNING".equals(status) && !loop.alive()) {
            return Health.down("INBOX_LOOP_STOPPED", details);
        }
        return "RUNNING".equals(status) ? Health.up(status, details) : Health.down(status, details);
    }

    /** The port /health and /metrics are served on (useful with HTTP_PORT=0). */
    public int httpPort() {
        return http.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        if ("CLOSED".equals(status)) {
            return;
        }
        status = "STOPPING";
        closeQuietly(loop);
        closeQuietly(watcher);
        if (pipeline != null) {
            pipeline.stopWorkers(Duration.ofSeconds(5));
        }
        if (publisher != null) {
            publisher.close(Duration.ofSeconds(10));
        }
        if (pipeline != null) {
            pipeline.closeFinishing(Duration.ofSeconds(5));
        }
        closeQuietly(parser);
        closeQuietly(producerMetrics);
        closeQuietly(knownIds);
        closeQuietly(ownership);
        closeQuietly(progress);
        closeQuietly(http);
        registry.close();
        status = "CLOSED";
        LOG.info("Ingest-service stopped");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Error while closing {}: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
