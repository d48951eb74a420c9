package nl.kamerstroom.launcher.run;

import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.ingest.IngestService;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Runs the ingest-service: watches INBOX_DIR, extracts text with Apache Tika and publishes one event per file to documents.ingested.",
                "Configured only by environment variables; they are listed below."})
public final class IngestCommand extends RunServiceCommand {

    @Override
    Service create(Settings settings) {
        return new IngestService(IngestConfig.from(settings));
    }
}
