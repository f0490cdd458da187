package ru.noko.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Which build of the service renders pages: the SHA-256 of the application's jar, or, run from
 * classes (tests, development), this process. Part of every stored page's name, so that a
 * deployment never serves what an earlier build rendered.
 */
final class RenderingBuild {

    private static final Logger LOG = LoggerFactory.getLogger(RenderingBuild.class);

    static final String ID = of(RenderingBuild.class);

    private RenderingBuild() {
    }

    private static String of(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(location), sha256)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                return "jar:" + HexFormat.of().formatHex(sha256.digest());
            }
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.debug("The application's jar could not be read: {}", e.toString());
        }
        return "process:" + UUID.randomUUID();
    }
}
