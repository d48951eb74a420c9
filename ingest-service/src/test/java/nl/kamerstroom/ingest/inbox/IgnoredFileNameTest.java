package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoredFileNameTest {

    private final IgnoredFileName ignored = new IgnoredFileName();

    @ParameterizedTest
    @ValueSource(strings = {".verborgen.pdf", ".DS_Store", "download.part", "kopie.TMP", "brief.pdf.crdownload",
            "map/.~lock.brief.docx#"})
    void partialAndHiddenFilesAreIgnored(String name) {
        assertThat(ignored.test(Path.of("inbox", name))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"brief.pdf", "partij.txt", "tmp-notitie.docx", "map/motie.html", "LEESMIJ"})
    void ordinaryFilesAreTaken(String name) {
        assertThat(ignored.test(Path.of("inbox", name))).isFalse();
    }
}
