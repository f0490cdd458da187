package ru.noko.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** The embedded server's superuser password: random, in a file only the service's user may read or write. */
final class PasswordFile {

    static final String NAME = "noko-postgres-password";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** 32 random bytes, base64url: 43 characters that need no quoting anywhere. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Creates {@code file} with permissions 0600 from the start (never readable by others, not even briefly). */
    static void write(Path file, String password) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly);
             var out = Channels.newOutputStream(channel)) {
            out.write((password + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A 0600 copy outside the data directory, for initdb (which wants an empty directory); the caller deletes it. */
    static Path writeTemporary(String password) throws IOException {
        Path file = Files.createTempFile("noko-initdb-", ".pw", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            LOG.warn("{} could be read by other users; its permissions are now 0600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The database password file " + file + " is empty");
        }
        return Optional.of(password);
    }
}
