package nl.kamerstroom.launcher.run;

import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.IndexService;
import picocli.CommandLine.Command;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Runs the index-service: feeds documents.index and the Lucene store, and serves the search API and web page.",
                "Configured only by environment variables; they are listed below."})
public final class IndexCommand extends RunServiceCommand {

    @Override
    Service create(Settings settings) {
        return new IndexService(IndexConfig.from(settings));
    }
}
