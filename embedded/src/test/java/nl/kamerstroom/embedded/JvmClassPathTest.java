package nl.kamerstroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmClassPathTest {

    @TempDir
    Path dir;

    @Test
    void expandsManifestOnlyJarsLikeSurefiresBooterAndDropsMissingEntries() throws Exception {
        Path real = Files.createDirectories(dir.resolve("lib with space"));
        Path relative = Files.createFile(dir.resolve("relative.jar"));
        Path booter = dir.resolve("booter.jar");
        writeManifestOnlyJar(booter, real.toUri() + " relative.jar " + dir.resolve("missing.jar").toUri());

        assertThat(JvmClassPath.expand(booter.toString()))
                .containsExactly(booter.toString(), real.toString(), relative.toString());
    }

    @Test
    void keepsPlainEntriesInOrderWithoutDuplicates() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));

        assertThat(JvmClassPath.expand(a + File.pathSeparator + b + File.pathSeparator + a))
                .containsExactly(a.toString(), b.toString());
    }

    @Test
    void theCurrentClassPathContainsThisModulesClasses() {
        assertThat(JvmClassPath.current()).contains("kafka-clients");
    }

    @Test
    void addsWhatOnlyTheContextClassLoaderKnows() throws Exception {
        Path isolated = Files.createDirectories(dir.resolve("isolated"));
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {isolated.toUri().toURL()}, original)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertThat(JvmClassPath.current().split(File.pathSeparator)).endsWith(isolated.toString());
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    private static void writeManifestOnlyJar(Path jar, String classPath) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // a manifest and nothing else
        }
    }
}
