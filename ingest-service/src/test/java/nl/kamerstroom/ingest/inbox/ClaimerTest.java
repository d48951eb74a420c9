package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimerTest {

    @TempDir
    Path dir;

    @Test
    void claimMovesTheFileKeepingItsRelativePath() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox/2024"));
        Path file = Files.writeString(inbox.resolve("motie.txt"), "tekst");
        Claimer claimer = new Claimer(dir.resolve("work/claimed/i1"));

        InboxFile claimed = claimer.claim(inboxFile(dir.resolve("inbox"), file)).orElseThrow();

        assertThat(claimed.path()).isEqualTo(dir.resolve("work/claimed/i1/2024/motie.txt")).hasContent("tekst");
        assertThat(claimed.relativePath()).isEqualTo("2024/motie.txt");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileAnotherInstanceTookIsNotClaimed() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path file = Files.writeString(inbox.resolve("motie.txt"), "tekst");
        InboxFile seen = inboxFile(inbox, file);
        Claimer first = new Claimer(dir.resolve("work/claimed/i1"));
        Claimer second = new Claimer(dir.resolve("work/claimed/i2"));

        assertThat(first.claim(seen)).isPresent();
        assertThat(second.claim(seen)).isEmpty();
    }

    @Test
    void aSameNamedFileWaitsWhileTheFirstIsInProgress() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Claimer claimer = new Claimer(dir.resolve("claimed"));
        claimer.claim(inboxFile(inbox, Files.writeString(inbox.resolve("a.txt"), "eerste"))).orElseThrow();

        Path second = Files.writeString(inbox.resolve("a.txt"), "tweede");

        assertThat(claimer.claim(inboxFile(inbox, second))).isEmpty();
        assertThat(second).hasContent("tweede");
        assertThat(dir.resolve("claimed/a.txt")).hasContent("eerste");
    }

    @Test
    void recoverListsWhatWasClaimedBeforeAStop() throws Exception {
        Path claimedDir = Files.createDirectories(dir.resolve("claimed/sub"));
        Files.writeString(claimedDir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("claimed/a.txt"), "a");

        assertThat(new Claimer(dir.resolve("claimed")).recover()).extracting(InboxFile::relativePath)
                .containsExactlyInAnyOrder("a.txt", "sub/b.txt");
    }

    @Test
    void emptyFoldersLeftBehindInTheClaimedFolderArePruned() throws Exception {
        Path claimedDir = dir.resolve("claimed");
        Path file = Files.writeString(Files.createDirectories(claimedDir.resolve("x/y")).resolve("a.txt"), "a");
        Files.delete(file);

        new Claimer(claimedDir).pruneEmptyParents(file);

        assertThat(claimedDir).exists().isEmptyDirectory();
    }

    @Test
    void scannerSkipsDotFoldersAndConfiguredFoldersAndDoesNotFollowLinks() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.createDirectories(inbox.resolve(".kamerstroom/claimed"));
        Files.writeString(inbox.resolve(".kamerstroom/claimed/x.txt"), "x");
        Files.createDirectories(inbox.resolve("done"));
        Files.writeString(inbox.resolve("done/klaar.txt"), "klaar");
        Files.createDirectories(inbox.resolve("a/b"));
        Files.writeString(inbox.resolve("a/b/diep.txt"), "diep");
        Files.writeString(inbox.resolve("bezig.part"), "half");
        Path outside = Files.createDirectories(dir.resolve("buiten"));
        Files.writeString(outside.resolve("geheim.txt"), "geheim");
        Files.createSymbolicLink(inbox.resolve("link-naar-map"), outside);
        Files.createSymbolicLink(inbox.resolve("link.txt"), outside.resolve("geheim.txt"));

        var found = new InboxScanner(inbox, Set.of(inbox.resolve("done")), new IgnoredFileName()).scan();

        assertThat(found).extracting(InboxFile::relativePath)
                .containsExactlyInAnyOrder("a/b/diep.txt", "link-naar-map", "link.txt");
        assertThat(found).filteredOn(f -> f.relativePath().startsWith("link"))
                .extracting(InboxFile::kind).containsOnly(InboxFile.Kind.SYMLINK);
    }

    private static InboxFile inboxFile(Path inbox, Path file) throws Exception {
        return InboxFile.of(file, InboxFile.relativePath(inbox, file),
                Files.readAttributes(file, BasicFileAttributes.class));
    }
}
