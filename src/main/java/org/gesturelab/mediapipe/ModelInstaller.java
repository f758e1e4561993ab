package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gesturelab.core.FileTrees;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Version;
import org.gesturelab.mediapipe.ModelManifest.Entry;
import org.gesturelab.mediapipe.ModelManifest.FileDigest;
import org.gesturelab.mediapipe.ModelPackage.PackagedModel;
import org.gesturelab.core.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the MediaPipe models into a model directory: fetch the npm package (or take a tarball the user has),
 * check its SHA-256, extract every {@code .tflite} and check its SHA-256, convert each to ONNX, and write both with
 * a {@code manifest.json}.
 *
 * <p>Everything is written to a work folder next to the model directory and moved into place with one rename at
 * the end, so a failure or a cancel never leaves half-written models, and a model directory that was intact before
 * stays intact. A file lock next to the directory lets one process install at a time; the others wait and then
 * find the models installed. Installing again when {@link #status} is {@link InstallStatus.State#INSTALLED} does
 * nothing.
 *
 * <p>Core code: it reports through a {@link TaskMonitor}, prints nothing, and throws
 * {@link GestureLabException} with an actionable message for everything a user can fix.
 */
public final class ModelInstaller {

    /** What the tarball takes on disk while installing (it is deleted afterwards). */
    static final long TARBALL_BYTES = 55L << 20;
    /** What the installed models take on disk: the original .tflite files plus the ONNX files. */
    static final long INSTALLED_BYTES = 160L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ModelInstaller.class);
    private static final String CONVERTER = "GestureLab TFLite-to-ONNX converter";
    private static final long LOCK_POLL_MILLIS = 200;
    /** One installation at a time inside this JVM; the file lock covers other processes. */
    private static final Object JVM_LOCK = new Object();

    private final ModelPackage modelPackage;
    private final PackageFetcher fetcher;
    private final ModelConverter converter;

    /**
     * Creates the installer of {@link ModelPackage#HOLISTIC}: {@code npm pack} fetches it, GestureLab's own
     * converter ({@link ModelConverter#tfliteToOnnx()}) converts it.
     */
    public ModelInstaller() {
        this(ModelPackage.HOLISTIC, new NpmPack(), ModelConverter.tfliteToOnnx());
    }

    /**
     * Creates an installer for another package, fetcher or converter (tests, other model sets).
     *
     * @param modelPackage the package and the models to take from it
     * @param fetcher obtains the tarball when none is given
     * @param converter converts each model to ONNX
     */
    public ModelInstaller(ModelPackage modelPackage, PackageFetcher fetcher, ModelConverter converter) {
        this.modelPackage = Objects.requireNonNull(modelPackage);
        this.fetcher = Objects.requireNonNull(fetcher);
        this.converter = Objects.requireNonNull(converter);
    }

    /**
     * Checks a model directory without changing it: reads the manifest and the SHA-256 of every file (in all
     * about 150 MB, around half a second).
     *
     * @param directory the model directory
     * @return the verdict, with what is wrong
     */
    public InstallStatus status(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path manifestFile = dir.resolve(ModelDirectory.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return new InstallStatus(InstallStatus.State.MISSING, dir, "no " + ModelDirectory.MANIFEST + " in " + dir,
                    Optional.empty());
        }
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(manifestFile);
        } catch (IOException e) {
            return new InstallStatus(InstallStatus.State.CORRUPT, dir, ModelDirectory.MANIFEST + " cannot be read: "
                    + e.getMessage(), Optional.empty());
        }
        if (manifest.formatVersion() != ModelManifest.FORMAT_VERSION || manifest.source() == null
                || !modelPackage.name().equals(manifest.source().packageName())
                || !modelPackage.version().equals(manifest.source().version())) {
            return new InstallStatus(InstallStatus.State.OUTDATED, dir, "installed from "
                    + (manifest.source() == null ? "an unknown package"
                            : manifest.source().packageName() + "@" + manifest.source().version())
                    + " (manifest format " + manifest.formatVersion() + "), this GestureLab needs "
                    + modelPackage.spec(), Optional.of(manifest));
        }
        for (PackagedModel model : modelPackage.models()) {
            String problem = modelProblem(dir, model, manifest);
            if (problem != null) {
                return new InstallStatus(InstallStatus.State.CORRUPT, dir, problem, Optional.of(manifest));
            }
        }
        return new InstallStatus(InstallStatus.State.INSTALLED, dir, "", Optional.of(manifest));
    }

    /**
     * Installs the models unless they are already installed and intact.
     *
     * @param directory the model directory (created if missing; its parent must be writable)
     * @param tarball a package tarball the user already has, or empty to fetch one
     * @param monitor progress and cancellation
     * @return what was done
     * @throws GestureLabException if the package cannot be obtained, is damaged or is not the pinned release,
     *     a model cannot be converted, or the disk is full; the model directory is then unchanged
     * @throws org.gesturelab.core.CancelledException if cancelled; the model directory is then unchanged
     */
    public InstallResult install(Path directory, Optional<Path> tarball, TaskMonitor monitor) {
        long started = System.nanoTime();
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new GestureLabException("Cannot install models into " + target + ": choose a folder below it.");
        }
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(parent);
                try (FileChannel channel = FileChannel.open(parent.resolve("." + target.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = acquire(channel, target, monitor)) {
                    InstallStatus before = status(target);
                    if (before.isInstalled()) {
                        return new InstallResult(target, true, before.manifest().orElseThrow(), since(started));
                    }
                    checkOwnFilesOnly(target);
                    deleteStaleWorkFolders(parent, target);
                    checkSpace(parent, tarball.isEmpty());
                    Path work = Files.createTempDirectory(parent, workPrefix(target));
                    try {
                        ModelManifest manifest = installInto(work, tarball, monitor);
                        commit(work.resolve("models"), target, work.resolve("previous"));
                        return new InstallResult(target, false, manifest, since(started));
                    } finally {
                        deleteQuietly(work);
                    }
                }
            } catch (IOException e) {
                if (PackageExtractor.isDiskFull(e)) {
                    throw noSpace(parent, e);
                }
                throw new GestureLabException("Could not install the models into " + target + ": " + e
                        + ". Check that the folder is writable, or choose another with --dir.", e);
            }
        }
    }

    private ModelManifest installInto(Path work, Optional<Path> given, TaskMonitor monitor) throws IOException {
        List<PackagedModel> models = modelPackage.models();
        int n = models.size();
        long total = 3L + 2L * n;
        Path stage = Files.createDirectory(work.resolve("models"));
        Path tarball;
        if (given.isPresent()) {
            tarball = given.get();
            if (!Files.isRegularFile(tarball)) {
                throw new GestureLabException("The tarball " + tarball + " does not exist. Check the path given to "
                        + "--from, or leave --from out to fetch the package with npm.");
            }
        } else {
            tarball = fetcher.fetch(modelPackage, Files.createDirectory(work.resolve("download")), monitor);
        }
        monitor.checkCancelled();
        monitor.update("Checking " + tarball.getFileName(), 1, total);
        String sha = Checksums.sha256(tarball);
        if (!modelPackage.tarballSha256().equals(sha)) {
            throw new GestureLabException(tarball + " is not " + modelPackage.spec() + ": its SHA-256 is " + sha
                    + ", expected " + modelPackage.tarballSha256() + ". It may be truncated or a different version. "
                    + (given.isPresent() ? "Pass the tarball 'npm pack " + modelPackage.spec() + "' produces, or "
                            + "leave --from out to fetch it with npm." : "Run the installation again; if it fails "
                            + "again, your npm registry serves a different file."));
        }
        Map<String, Path> tflites = PackageExtractor.extract(tarball, modelPackage, stage,
                (message, done, all) -> monitor.update(message, 2 + done, total));
        List<Entry> entries = new ArrayList<>(n);
        int index = 0;
        for (PackagedModel model : models) {
            monitor.checkCancelled();
            monitor.update("Converting " + model.artifactId() + " to ONNX", 2L + n + index++, total);
            Path tflite = tflites.get(model.artifactId());
            Path onnx = stage.resolve(model.onnxFileName());
            ModelConverter.Signature signature = converter.convert(tflite, onnx);
            FileDigest converted = digest(onnx, null);
            if (model.onnxSha256() != null && !model.onnxSha256().equals(converted.sha256())) {
                // Conversion is deterministic; another result would be refused at every load, so refuse it now.
                throw new GestureLabException("Converting " + model.artifactId() + " gave a file with SHA-256 "
                        + converted.sha256() + ", but this GestureLab expects " + model.onnxSha256()
                        + ". The converter or the package differs from the one this version was built with.");
            }
            entries.add(new Entry(model.artifactId(), digest(tflite, model.tfliteSha256()), converted,
                    signature.inputs(), signature.outputs()));
        }
        monitor.update("Writing " + ModelDirectory.MANIFEST, total - 1, total);
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION,
                new ModelManifest.Source(modelPackage.name(), modelPackage.version(), modelPackage.tarballSha256()),
                CONVERTER + " " + Version.get(), Instant.now().toString(), entries);
        manifest.write(stage.resolve(ModelDirectory.MANIFEST));
        monitor.checkCancelled();
        return manifest;
    }

    /**
     * Swaps the staged folder into place: two renames inside one parent folder, so the model directory is either
     * the old one or the new one, and the old one comes back if the second rename fails.
     */
    private static void commit(Path stage, Path target, Path previous) throws IOException {
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
        } else {
            Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Refuses to replace a folder that holds anything GestureLab did not put there (a mistyped --dir). */
    private void checkOwnFilesOnly(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new GestureLabException(target + " is a file, not a folder. Choose a folder with --dir.");
        }
        Set<String> own = new HashSet<>();
        own.add(ModelDirectory.MANIFEST);
        for (PackagedModel model : modelPackage.models()) {
            own.add(model.tfliteFileName());
            own.add(model.onnxFileName());
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                if (!own.contains(entry.getFileName().toString())) {
                    throw new GestureLabException(target + " holds files GestureLab did not install (for example "
                            + entry.getFileName() + "), so it will not replace it. Choose a new or empty folder with "
                            + "--dir, or move those files away.");
                }
            }
        }
    }

    private static void checkSpace(Path parent, boolean fetching) throws IOException {
        long needed = INSTALLED_BYTES + (fetching ? TARBALL_BYTES : 0);
        long usable = Files.getFileStore(parent).getUsableSpace();
        if (usable < needed) {
            throw noSpace(parent, null, needed, usable);
        }
    }

    private static GestureLabException noSpace(Path parent, IOException cause) {
        long usable;
        try {
            usable = Files.getFileStore(parent).getUsableSpace();
        } catch (IOException e) {
            usable = -1;
        }
        return noSpace(parent, cause, INSTALLED_BYTES + TARBALL_BYTES, usable);
    }

    private static GestureLabException noSpace(Path parent, IOException cause, long needed, long usable) {
        return new GestureLabException("Not enough disk space in " + parent + " to install the models: about "
                + (needed >> 20) + " MB are needed" + (usable >= 0 ? ", " + (usable >> 20) + " MB are free" : "")
                + ". Free some space, or install elsewhere with --dir (or the " + ModelDirectory.ENV
                + " environment variable).", cause);
    }

    private static FileLock acquire(FileChannel channel, Path target, TaskMonitor monitor) throws IOException {
        FileLock lock = channel.tryLock();
        while (lock == null) {
            monitor.update("Waiting for another installation into " + target + " to finish", 0, -1);
            monitor.checkCancelled();
            try {
                Thread.sleep(LOCK_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for another installation", e);
            }
            lock = channel.tryLock();
        }
        return lock;
    }

    /** Work folders left by a process that was killed; safe to delete while this process holds the lock. */
    private static void deleteStaleWorkFolders(Path parent, Path target) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(parent, workPrefix(target) + "*")) {
            for (Path folder : stale) {
                FileTrees.deleteRecursively(folder);
            }
        }
    }

    private static String workPrefix(Path target) {
        return "." + target.getFileName() + "-install-";
    }

    /**
     * Checks one installed model against the manifest and its pinned SHA-256.
     *
     * @param dir the model directory
     * @param model the model
     * @param manifest the directory's manifest
     * @return what is wrong, or null when both files are intact
     */
    static String modelProblem(Path dir, PackagedModel model, ModelManifest manifest) {
        Optional<Entry> entry = manifest.entry(model.artifactId());
        if (entry.isEmpty() || entry.get().tflite() == null || entry.get().onnx() == null) {
            return ModelDirectory.MANIFEST + " does not list " + model.artifactId();
        }
        if (!model.tfliteSha256().equals(entry.get().tflite().sha256())) {
            return ModelDirectory.MANIFEST + " records another SHA-256 for " + model.tfliteFileName();
        }
        if (model.onnxSha256() != null && !model.onnxSha256().equals(entry.get().onnx().sha256())) {
            // The pin in the code wins over the manifest, which could be edited to match a changed file.
            return model.onnxFileName() + " is not the file this GestureLab's converter writes";
        }
        String problem = checkFile(dir, model.tfliteFileName(), entry.get().tflite());
        return problem != null ? problem : checkFile(dir, model.onnxFileName(), entry.get().onnx());
    }

    private static String checkFile(Path dir, String fileName, FileDigest recorded) {
        Path file = dir.resolve(fileName);
        try {
            if (!Files.isRegularFile(file)) {
                return fileName + " is missing";
            }
            if (Files.size(file) != recorded.size() || !Checksums.sha256(file).equals(recorded.sha256())) {
                return fileName + " does not match its SHA-256 in " + ModelDirectory.MANIFEST;
            }
            return null;
        } catch (IOException e) {
            return fileName + " cannot be read: " + e.getMessage();
        }
    }

    private static FileDigest digest(Path file, String knownSha256) throws IOException {
        String sha = knownSha256 != null ? knownSha256 : Checksums.sha256(file);
        return new FileDigest(file.getFileName().toString(), Files.size(file), sha);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Cleans up after success or failure; a leftover is only noted, since the next install removes it. */
    private static void deleteQuietly(Path work) {
        try {
            FileTrees.deleteRecursively(work);
        } catch (IOException e) {
            LOG.warn("Could not remove the work folder {}: {}", work, e.toString());
        }
    }
}
