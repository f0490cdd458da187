package ru.noko.busgov;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A ZIP opened the way any unzip tool would: entries in order, with their metadata. */
record ZipContents(Map<String, byte[]> files, List<ZipEntry> entries) {

    static ZipContents read(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (files.put(entry.getName(), in.readAllBytes()) != null) {
                    throw new IllegalStateException("Entry " + entry.getName() + " appears twice");
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ZipContents(files, entries);
    }

    List<String> names() {
        return List.copyOf(files.keySet());
    }

    byte[] bytes(String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new AssertionError("No entry " + name + " in " + names());
        }
        return bytes;
    }

    String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    List<String> plans() {
        return names().stream().filter(n -> n.startsWith("plans/")).toList();
    }
}
