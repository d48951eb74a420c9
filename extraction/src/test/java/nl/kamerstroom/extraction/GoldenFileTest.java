package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: each fixture text in src/test/resources/fixtures has its expected extraction beside it
 * (NAME.txt → NAME.json, the JSON of {@link ExtractionJson#toTree}); one dynamic test per fixture.
 * To add a case, drop in a text and write the JSON you expect.
 */
class GoldenFileTest {

  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesItsExpectedJson() throws IOException, URISyntaxException {
    Path dir = Path.of(GoldenFileTest.class.getResource("/fixtures").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream()
          .map(txt -> DynamicTest.dynamicTest(txt.getFileName().toString(), () -> check(txt)));
    }
  }

  private static void check(Path txt) throws IOException {
    Path expectedFile = txt.resolveSibling(txt.getFileName().toString().replace(".txt", ".json"));
    assertThat(expectedFile).as("expected output beside the fixture").exists();
    String text = Files.readString(txt, StandardCharsets.UTF_8);
    JsonNode actual = ExtractionJson.toTree(null, EXTRACTOR.extract(text));
    JsonNode expected = MAPPER.readTree(expectedFile.toFile());
    assertThat(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual))
        .isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
  }
}
