package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoOverwriteMoverTest {

    @TempDir
    Path dir;

    private final NoOverwriteMover mover = new NoOverwriteMover();

    @Test
    void movesUnderTheRelativePath() throws Exception {
        Path source = Files.writeString(dir.resolve("a.txt"), "een");

        Path moved = mover.move(source, dir.resolve("done"), "2024/kamerstukken/a.txt");

        assertThat(moved).isEqualTo(dir.resolve("done/2024/kamerstukken/a.txt")).hasContent("een");
        assertThat(source).doesNotExist();
    }

    @Test
    void aTakenNameGetsANumberedSuffixAndNothingIsOverwritten() throws Exception {
        Path done = Files.createDirectories(dir.resolve("done"));
        Files.writeString(done.resolve("brief.pdf"), "eerste");
        Files.writeString(done.resolve("brief-1.pdf"), "tweede");

        Path moved = mover.move(Files.writeString(dir.resolve("brief.pdf"), "derde"), done, "brief.pdf");

        assertThat(moved).isEqualTo(done.resolve("brief-2.pdf")).hasContent("derde");
        assertThat(done.resolve("brief.pdf")).hasContent("eerste");
        assertThat(done.resolve("brief-1.pdf")).hasContent("tweede");
    }

    @Test
    void suffixGoesBeforeTheExtensionOrAtTheEnd() {
        assertThat(NoOverwriteMover.withSuffix(Path.of("a/brief.pdf"), 3)).isEqualTo(Path.of("a/brief-3.pdf"));
        assertThat(NoOverwriteMover.withSuffix(Path.of("LEESMIJ"), 1)).isEqualTo(Path.of("LEESMIJ-1"));
        assertThat(NoOverwriteMover.withSuffix(Path.of("archief.tar.gz"), 1)).isEqualTo(Path.of("archief.tar-1.gz"));
    }

    @Test
    void aSymlinkIsMovedAsALinkWithoutTouchingItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("geheim.txt"), "niet lezen");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);

        Path moved = mover.move(link, dir.resolve("failed"), "link.txt");

        assertThat(Files.isSymbolicLink(moved)).isTrue();
        assertThat(Files.readSymbolicLink(moved)).isEqualTo(target);
        assertThat(target).hasContent("niet lezen");
    }
}
