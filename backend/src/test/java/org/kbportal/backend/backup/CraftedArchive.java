package org.kbportal.backend.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attacker's archive: a genuine export with tables, rows and files added, and a manifest whose
 * SHA-256 sums match again (anyone can compute them), so only the import's content rules stop it.
 */
final class CraftedArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode manifest;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private CraftedArchive(ObjectNode manifest) {
        this.manifest = manifest;
    }

    static CraftedArchive of(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ObjectNode manifest = null;
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = (ObjectNode) JSON.readTree(bytes);
                } else if (!e.isDirectory() && !e.getName().equals(ArchiveSeal.SIGNATURE)) {
                    // crafted archives are unsigned, like those of older versions
                    entries.put(e.getName(), bytes);
                }
            }
            CraftedArchive a = new CraftedArchive(manifest);
            a.entries.putAll(entries);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds rows to a table, declaring it (with these columns: name → logical type) when it is not there. */
    CraftedArchive rows(String table, Map<String, String> columns, List<Map<String, Object>> rows) {
        ArrayNode tables = (ArrayNode) manifest.get("tables");
        ObjectNode entry = null;
        for (JsonNode t : tables) {
            if (t.get("name").asString().equalsIgnoreCase(table)) {
                entry = (ObjectNode) t;
            }
        }
        if (entry == null) {
            entry = tables.addObject();
            entry.put("name", table);
            entry.put("rows", 0);
            ArrayNode cols = entry.putArray("columns");
            columns.forEach((name, type) -> cols.addObject().put("name", name).put("type", type));
        }
        String path = "db/" + entry.get("name").asString() + ".ndjson";
        StringBuilder ndjson =
                new StringBuilder(new String(entries.getOrDefault(path, new byte[0]), StandardCharsets.UTF_8));
        for (Map<String, Object> row : rows) {
            ndjson.append(JSON.writeValueAsString(row)).append('\n');
        }
        entries.put(path, ndjson.toString().getBytes(StandardCharsets.UTF_8));
        entry.put("rows", entry.get("rows").asLong() + rows.size());
        return this;
    }

    CraftedArchive file(String entry, byte[] bytes) {
        entries.put(entry, bytes);
        return this;
    }

    /** The zip, with every entry's SHA-256 in the manifest. */
    byte[] zip() {
        ObjectNode sums = manifest.putObject("entries");
        entries.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
        manifest.put("files", (int)
                entries.keySet().stream().filter(n -> n.startsWith("files/")).count());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(JSON.writeValueAsBytes(manifest));
            out.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
