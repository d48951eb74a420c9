package nl.kamerstroom.ingest;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.ingest.config.IngestConfig;

/** The service's folders, checked at start-up so a wrong one is named before any file moves. */
final class Folders {

    private Folders() {
    }

    /** Creates the folders; each must be a writable folder, and claims need the inbox's file system. */
    static void prepare(IngestConfig config) throws IOException {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("INBOX_DIR", config.inboxDir());
        folders.put("DONE_DIR", config.doneDir());
        folders.put("FAILED_DIR", config.failedDir());
        folders.put("WORK_DIR", config.claimedDir());
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            try {
                Files.createDirectories(folder.getValue());
            } catch (FileAlreadyExistsException e) {
                throw new ConfigException(folder.getKey() + " " + folder.getValue() + " is a file, not a folder");
            } catch (IOException e) {
                throw new ConfigException(folder.getKey() + " " + folder.getValue() + " cannot be created: " + e);
            }
            if (!Files.isWritable(folder.getValue())) {
                throw new ConfigException(folder.getKey() + " " + folder.getValue() + " is not writable");
            }
        }
        if (!Files.getFileStore(config.inboxDir()).equals(Files.getFileStore(config.claimedDir()))) {
            throw new ConfigException("WORK_DIR " + config.workDir() + " is on another file system than INBOX_DIR "
                    + config.inboxDir() + "; claims are atomic renames, so both must be on one file system");
        }
    }
}
