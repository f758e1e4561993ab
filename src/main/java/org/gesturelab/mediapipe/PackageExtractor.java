package org.gesturelab.mediapipe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.ModelPackage.PackagedModel;
import org.gesturelab.core.TaskMonitor;

/**
 * Takes the {@code .tflite} models out of an npm tarball ({@code .tgz}) in one pass: the plain
 * {@code package/ID.tflite} files, and the others from the packed-assets data file at the byte ranges its loader
 * script lists. Every model's SHA-256 is checked against the pinned value.
 */
final class PackageExtractor {

    /** An entry of the packed-assets index: {@code "filename": "/a/b/x.tflite", "start": 0, "end": 229032}. */
    private static final Pattern PACKED_FILE = Pattern.compile(
            "\"filename\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"start\"\\s*:\\s*(\\d+)\\s*,\\s*\"end\"\\s*:\\s*(\\d+)");
    private static final String PACKED_DATA_SUFFIX = "_packed_assets.data";
    private static final String PACKED_LOADER_SUFFIX = "_packed_assets_loader.js";
    private static final String PLAIN_PREFIX = "package/";

    private PackageExtractor() {
    }

    /** A byte range in the packed-assets data file, {@code [start, end)}. */
    record Range(long start, long end) {
    }

    /**
     * Extracts and checks every model of a package.
     *
     * @param tarball the package tarball
     * @param modelPackage what to take from it
     * @param targetDir where to write {@code ID.tflite} files; must exist
     * @param monitor receives one update per model
     * @return the written files by artifact id, in the package's order
     * @throws GestureLabException if the tarball is damaged, lacks a model, or a model fails its checksum
     * @throws IOException if writing fails
     */
    static Map<String, Path> extract(Path tarball, ModelPackage modelPackage, Path targetDir, TaskMonitor monitor)
            throws IOException {
        Map<String, PackagedModel> plain = new HashMap<>();
        for (PackagedModel model : modelPackage.models()) {
            if (model.plainFile()) {
                plain.put(PLAIN_PREFIX + model.tfliteFileName(), model);
            }
        }
        // Everything is read into memory first (about 55 MB), so that a damaged archive is told apart from a
        // failure to write.
        Map<String, byte[]> plainBytes = new HashMap<>();
        byte[] packedData = null;
        String packedIndex = null;
        long done = 0;
        int total = modelPackage.models().size();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16),
                1 << 16)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                monitor.checkCancelled();
                if (!entry.isFile()) {
                    continue;
                }
                PackagedModel model = plain.get(entry.getName());
                if (model != null) {
                    plainBytes.put(model.artifactId(), content(tar, entry));
                } else if (entry.getName().endsWith(PACKED_DATA_SUFFIX)) {
                    packedData = content(tar, entry);
                } else if (entry.getName().endsWith(PACKED_LOADER_SUFFIX)) {
                    packedIndex = new String(content(tar, entry), StandardCharsets.UTF_8);
                }
            }
            // Read to the end so the gzip trailer (length and CRC) is checked too.
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new GestureLabException(tarball + " is damaged or truncated (" + e.getMessage() + "). Delete it "
                    + "and run 'gesturelab models install' again; without --from, npm fetches a fresh copy.", e);
        }
        Map<String, Path> written = new HashMap<>();
        for (PackagedModel model : modelPackage.models()) {
            if (!model.plainFile()) {
                continue;
            }
            byte[] bytes = plainBytes.get(model.artifactId());
            if (bytes == null) {
                throw notThePackage(tarball, modelPackage, "it has no " + PLAIN_PREFIX + model.tfliteFileName());
            }
            checkModel(model, Checksums.sha256(bytes, 0, bytes.length), tarball);
            written.put(model.artifactId(), write(targetDir.resolve(model.tfliteFileName()), bytes, 0,
                    bytes.length));
            monitor.update("Extracting " + model.tfliteFileName(), ++done, total);
        }
        boolean needsPacked = modelPackage.models().stream().anyMatch(m -> !m.plainFile());
        if (needsPacked) {
            if (packedData == null || packedIndex == null) {
                throw notThePackage(tarball, modelPackage, "it has no packed-assets data file and loader script");
            }
            Map<String, Range> index = parseIndex(packedIndex);
            for (PackagedModel model : modelPackage.models()) {
                if (model.plainFile()) {
                    continue;
                }
                monitor.checkCancelled();
                Range range = index.get(model.tfliteFileName());
                if (range == null) {
                    throw notThePackage(tarball, modelPackage,
                            "its packed-assets index does not list " + model.tfliteFileName());
                }
                if (range.start() > range.end() || range.end() > packedData.length) {
                    throw new GestureLabException("The packed-assets index in " + tarball + " is damaged: "
                            + model.tfliteFileName() + " at bytes " + range.start() + ".." + range.end()
                            + " lies outside the " + packedData.length + "-byte data file. Delete the tarball and "
                            + "run 'gesturelab models install' again without --from.");
                }
                int start = (int) range.start();
                int length = (int) (range.end() - range.start());
                checkModel(model, Checksums.sha256(packedData, start, length), tarball);
                written.put(model.artifactId(), write(targetDir.resolve(model.tfliteFileName()), packedData, start,
                        length));
                monitor.update("Extracting " + model.tfliteFileName(), ++done, total);
            }
        }
        Map<String, Path> ordered = new LinkedHashMap<>();
        for (PackagedModel model : modelPackage.models()) {
            ordered.put(model.artifactId(), written.get(model.artifactId()));
        }
        return ordered;
    }

    /**
     * Parses the packed-assets loader script's file index.
     *
     * @param loaderScript the script's text
     * @return byte ranges by file name (the last path element)
     */
    static Map<String, Range> parseIndex(String loaderScript) {
        Map<String, Range> index = new HashMap<>();
        Matcher matcher = PACKED_FILE.matcher(loaderScript);
        while (matcher.find()) {
            String path = matcher.group(1);
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            try {
                index.put(fileName, new Range(Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))));
            } catch (NumberFormatException e) {
                // A number too long for a long is as good as absent: the model then counts as not listed.
                continue;
            }
        }
        return index;
    }

    /**
     * Returns whether an I/O failure means the disk is full, judged by the messages operating systems use.
     *
     * @param e the failure
     * @return whether it is about space
     */
    static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("not enough space")
                        || lower.contains("disk full") || lower.contains("quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkModel(PackagedModel model, String sha, Path tarball) {
        if (!model.tfliteSha256().equals(sha)) {
            throw new GestureLabException(model.tfliteFileName() + " in " + tarball + " has SHA-256 " + sha
                    + ", expected " + model.tfliteSha256() + ". The package is damaged or not the pinned release: "
                    + "delete it and run 'gesturelab models install' again without --from.");
        }
    }

    private static GestureLabException notThePackage(Path tarball, ModelPackage modelPackage, String why) {
        return new GestureLabException(tarball + " is not the " + modelPackage.spec() + " package: " + why
                + ". Pass the tarball 'npm pack " + modelPackage.spec() + "' produces, or run "
                + "'gesturelab models install' without --from.");
    }

    private static Path write(Path target, byte[] bytes, int offset, int length) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(bytes, offset, length);
        }
        return target;
    }

    /** Reads an entry whole; an archive that ends inside it is damaged, not short. */
    private static byte[] content(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        long size = entry.getSize();
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IOException("implausible entry size " + size + " for " + entry.getName());
        }
        byte[] bytes = tar.readNBytes((int) size);
        if (bytes.length != size) {
            throw new java.io.EOFException("the archive ends inside " + entry.getName());
        }
        return bytes;
    }
}
