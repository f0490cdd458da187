package ru.noko.campaigns.jobs;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where upload bodies wait for their import job: {@code noko.import.spool-dir}, by default
 * {@code noko-uploads} in the system's temporary directory. Uploads are personal data, so the
 * directory is private to the service's user: created {@code rwx------}, or tightened to that at
 * start (the service refuses to start when it cannot, or when the directory belongs to another
 * user), and every file is created {@code rw-------}.
 * <p>
 * Leftovers (of a crash, a kill, a shutdown with queued jobs) are swept at start. The directory is
 * meant to be per node, yet two services that share it (say, both on the default under /tmp) must
 * not delete each other's uploads: each instance holds an OS lock on a file of its own in the
 * directory while it runs and names its spool files after it, and the sweep deletes only spool
 * files of instances whose lock is free (no longer running) or of no known instance. On a network
 * file system without working file locks, give each node a directory of its own.
 */
@Context
final class SpoolDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String LOCK_PREFIX = "instance-";
    private static final String LOCK_SUFFIX = ".lock";
    private static final String FILE_PREFIX = "upload-";
    private static final String FILE_SUFFIX = ".part";
    /**
     * Lock files held by this JVM. Never probed with a channel of their own: closing any channel
     * of a file may release every lock the process holds on it.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final boolean posix;
    private final String instance;
    private final Path lockFile;
    private final FileChannel lockChannel;

    SpoolDirectory(@Nullable @Value("${noko.import.spool-dir:}") String configured) {
        Path requested = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "noko-uploads") : Path.of(configured);
        this.posix = requested.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.directory = prepare(requested.toAbsolutePath());
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        this.instance = HexFormat.of().formatHex(id);
        this.lockFile = directory.resolve(LOCK_PREFIX + instance + LOCK_SUFFIX);
        try {
            lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    privateFile());
            lockChannel.lock();
            HELD_HERE.add(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a file in the upload spool directory " + directory, e);
        }
        checkOwner();
        sweep();
    }

    Path path() {
        return directory;
    }

    /** A new empty file, readable and writable by the service's user only from the moment it exists. */
    SpoolFile newFile() {
        try {
            return new SpoolFile(Files.createTempFile(directory, FILE_PREFIX + instance + "-", FILE_SUFFIX, privateFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileAttribute<?>[] privateFile() {
        return posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PRIVATE_FILE)} : new FileAttribute<?>[0];
    }

    private Path prepare(Path requested) {
        try {
            if (Files.notExists(requested, LinkOption.NOFOLLOW_LINKS)) {
                if (requested.getParent() != null) {
                    Files.createDirectories(requested.getParent());
                }
                try {
                    Files.createDirectory(requested, posix
                            ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY)}
                            : new FileAttribute<?>[0]);
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it just now: checked below like any existing one
                }
            }
            Path real = requested.toRealPath();
            if (!Files.isDirectory(real)) {
                throw refused(requested, "is not a directory");
            }
            if (posix) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(real);
                if (!permissions.equals(PRIVATE_DIRECTORY)) {
                    try {
                        Files.setPosixFilePermissions(real, PRIVATE_DIRECTORY);
                    } catch (IOException e) {
                        throw refused(requested, "is " + PosixFilePermissions.toString(permissions)
                                + " and cannot be made rwx------ (" + e + ")");
                    }
                    LOG.warn("The upload spool directory {} was {}; made it rwx------", real,
                            PosixFilePermissions.toString(permissions));
                }
            } else {
                LOG.warn("The upload spool directory {} is not on a POSIX file system; its permissions are left as they are",
                        real);
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the upload spool directory " + requested, e);
        }
    }

    /** The directory must be the service user's own, or others could read or replace the uploads. */
    private void checkOwner() {
        if (!posix) {
            return;
        }
        try {
            var owner = Files.getOwner(directory);
            var self = Files.getOwner(lockFile);
            if (!owner.equals(self)) {
                close();
                throw refused(directory, "belongs to " + owner.getName() + ", not to the service's user " + self.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException refused(Path directory, String why) {
        return new IllegalStateException("The upload spool directory " + directory + " " + why
                + "; uploads are personal data and must be private to the service's user. Fix it or set "
                + "noko.import.spool-dir (NOKO_IMPORT_SPOOL_DIR) to a directory of the service's own");
    }

    /** Deletes spool files that no running instance owns; see the class comment. */
    private void sweep() {
        Set<String> running = new HashSet<>();
        running.add(instance);
        int deleted = 0;
        try {
            try (DirectoryStream<Path> locks = Files.newDirectoryStream(directory, LOCK_PREFIX + "*" + LOCK_SUFFIX)) {
                for (Path other : locks) {
                    String name = other.getFileName().toString();
                    String owner = name.substring(LOCK_PREFIX.length(), name.length() - LOCK_SUFFIX.length());
                    if (owner.equals(instance)) {
                        continue;
                    }
                    if (held(other)) {
                        running.add(owner);
                    } else {
                        delete(other);
                    }
                }
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, FILE_PREFIX + "*" + FILE_SUFFIX)) {
                for (Path file : files) {
                    if (!running.contains(owner(file))) {
                        delete(file);
                        deleted++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not sweep the upload spool directory " + directory, e);
        }
        if (deleted > 0) {
            LOG.info("Deleted {} upload spool file(s) left behind in {}", deleted, directory);
        }
    }

    /** The instance a spool file belongs to ({@code upload-<instance>-<random>.part}), or "" when unknown. */
    private static String owner(Path file) {
        String name = file.getFileName().toString();
        int end = name.indexOf('-', FILE_PREFIX.length());
        return end < 0 ? "" : name.substring(FILE_PREFIX.length(), end);
    }

    private static boolean held(Path lock) {
        if (HELD_HERE.contains(lock)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            LOG.warn("Could not tell whether {} is held; treating it as held", lock, e);
            return true;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    /** Deletes this instance's spool files (its jobs are over) and lets go of its lock. */
    @Override
    @PreDestroy
    public void close() {
        if (!lockChannel.isOpen()) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, FILE_PREFIX + instance + "-*" + FILE_SUFFIX)) {
            files.forEach(SpoolDirectory::delete);
        } catch (IOException e) {
            LOG.warn("Could not list the upload spool directory {}", directory, e);
        }
        HELD_HERE.remove(lockFile);
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Could not release {}", lockFile, e);
        }
        delete(lockFile);
    }
}
