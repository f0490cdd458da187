package ru.noko.support;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Raw-inputs files from the benchmark's generator ({@code bench/GenerateNationalFile.java}), so
 * tests and benchmark share one generator. It is compiled once per test JVM and run in it: a
 * {@code java GenerateNationalFile.java} process per file cost seconds of JVM and compiler start.
 */
public final class NationalFile {

    private static final Path SOURCE = Path.of("bench", "GenerateNationalFile.java");
    private static Method main;

    private NationalFile() {
    }

    /** Writes {@code rows} organizations with ИНН starting {@code innPrefix} in the region of {@code okato}. */
    public static Path write(Path file, int rows, String innPrefix, String okato) throws Exception {
        generator().invoke(null, (Object) new String[] {file.toString(), String.valueOf(rows), innPrefix, okato});
        return file;
    }

    private static synchronized Method generator() throws Exception {
        if (main == null) {
            Path classes = Files.createDirectories(Path.of("target", "test-bench-classes", UUID.randomUUID().toString()));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            int status = javac.run(null, messages, messages, "-proc:none", "-cp", classes.toString(),
                    "-d", classes.toString(), SOURCE.toString());
            if (status != 0) {
                throw new IllegalStateException("Could not compile " + SOURCE + ":\n" + messages.toString(StandardCharsets.UTF_8));
            }
            // never closed: the class stays in use for the rest of the JVM
            URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                    NationalFile.class.getClassLoader());
            main = loader.loadClass("GenerateNationalFile").getMethod("main", String[].class);
        }
        return main;
    }
}
