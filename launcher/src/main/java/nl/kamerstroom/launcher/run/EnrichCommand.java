package nl.kamerstroom.launcher.run;

import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import picocli.CommandLine.Command;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Runs the enrich-service: the Kafka Streams application that extracts entities from documents.ingested into documents.enriched, exactly once.",
                "Configured only by environment variables; they are listed below."})
public final class EnrichCommand extends RunServiceCommand {

    @Override
    Service create(Settings settings) {
        return new EnrichService(EnrichConfig.from(settings));
    }
}
