package ru.noko.busgov;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code results.xsd}: the same bytes in every archive and at the public URL /busgov/results.xsd. */
@Singleton
public class BusGovSchema {

    static final String RESOURCE = "busgov/results.xsd";

    private final byte[] bytes;
    private final String sha256;

    public BusGovSchema() {
        try (InputStream in = BusGovSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            bytes = in.readAllBytes();
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Hex SHA-256 of the document: its strong validator. */
    public String sha256() {
        return sha256;
    }
}
