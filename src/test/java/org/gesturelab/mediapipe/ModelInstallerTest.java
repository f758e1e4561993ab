package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.TensorSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.ModelPackage.PackagedModel;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's checks and its all-or-nothing promise, on small tarballs built here in the layout of the real
 * package: one plain model file and two models inside a packed-assets data file.
 */
class ModelInstallerTest {

    /** Stands in for the TFLite-to-ONNX converter, which has its own tests: writes the bytes reversed. */
    private static final ModelConverter REVERSING = (tflite, onnx) -> {
        byte[] bytes = Files.readAllBytes(tflite);
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        Files.write(onnx, reversed);
        return new ModelConverter.Signature(List.of(new TensorSpec("input", new int[] {1, bytes.length})),
                List.of(new TensorSpec("output", new int[] {1, 2})));
    };

    @TempDir
    Path temp;

    private byte[] alpha;
    private byte[] beta;
    private byte[] gamma;
    private Path target;

    @BeforeEach
    void models() {
        Random random = new Random(7);
        alpha = new byte[3000];
        beta = new byte[1500];
        gamma = new byte[777];
        random.nextBytes(alpha);
        random.nextBytes(beta);
        random.nextBytes(gamma);
        target = temp.resolve("home").resolve("models");
    }

    @Test
    void installsVerifiesAndIsANoOpTheSecondTime() throws IOException {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        ModelInstaller installer = installer(tarball, REVERSING);
        assertFalse(installer.status(target).isInstalled());

        InstallResult first = installer.install(target, Optional.of(tarball), TaskMonitor.SILENT);
        assertFalse(first.alreadyInstalled());
        assertArrayEquals(alpha, Files.readAllBytes(target.resolve("alpha.tflite")));
        assertArrayEquals(gamma, Files.readAllBytes(target.resolve("gamma.tflite")));
        assertEquals(beta.length, Files.size(target.resolve("beta.onnx")));
        ModelManifest manifest = ModelManifest.read(target.resolve(ModelDirectory.MANIFEST));
        assertEquals("1.2.3", manifest.source().version());
        assertEquals(Checksums.sha256(tarball), manifest.source().tarballSha256());
        assertEquals(Checksums.sha256(target.resolve("beta.onnx")), manifest.entry("beta").orElseThrow().onnx()
                .sha256());
        assertEquals(new TensorSpec("input", new int[] {1, 1500}), manifest.entry("beta").orElseThrow().inputs()
                .get(0));
        assertTrue(installer.status(target).isInstalled());
        assertEquals(List.of("alpha.onnx", "alpha.tflite", "beta.onnx", "beta.tflite", "gamma.onnx",
                "gamma.tflite", "manifest.json"), list(target));
        assertEquals(List.of(".models.lock", "models"), list(target.getParent()), "no work folder left behind");

        AtomicInteger conversions = new AtomicInteger();
        InstallResult second = installer(tarball, counting(conversions)).install(target, Optional.of(tarball),
                TaskMonitor.SILENT);
        assertTrue(second.alreadyInstalled());
        assertEquals(0, conversions.get());
    }

    @Test
    void waitsForAnotherProcessThatHoldsTheLock() throws Exception {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        Files.createDirectories(target.getParent());
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), target.getParent().resolve(".models.lock").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertEquals("locked", new BufferedReader(new InputStreamReader(
                    holder.getInputStream(), StandardCharsets.UTF_8)).readLine());
            List<String> messages = new CopyOnWriteArrayList<>();
            CompletableFuture<InstallResult> install = CompletableFuture.supplyAsync(() -> installer(tarball)
                    .install(target, Optional.of(tarball), (message, done, total) -> messages.add(message)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (messages.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            assertFalse(install.isDone(), "must wait while the other process holds the lock");
            assertTrue(messages.contains("Waiting for another installation into " + target + " to finish"),
                    messages.toString());
            holder.getOutputStream().close();
            assertFalse(install.get(30, TimeUnit.SECONDS).alreadyInstalled());
        } finally {
            holder.destroy();
        }
    }

    @Test
    void reinstallsWhenAFileWasChanged() throws IOException {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        ModelInstaller installer = installer(tarball, REVERSING);
        installer.install(target, Optional.of(tarball), TaskMonitor.SILENT);
        Files.write(target.resolve("gamma.onnx"), new byte[] {1, 2, 3});

        InstallStatus status = installer.status(target);
        assertEquals(InstallStatus.State.CORRUPT, status.state());
        assertTrue(status.detail().contains("gamma.onnx"), status.detail());
        assertFalse(installer.install(target, Optional.of(tarball), TaskMonitor.SILENT).alreadyInstalled());
        assertTrue(installer.status(target).isInstalled());
    }

    @Test
    void wrongTarballChecksumIsRefusedAndNothingIsWritten() throws IOException {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        ModelPackage pinnedElsewhere = new ModelPackage("test-models", "1.2.3", "0".repeat(64), packagedModels());
        ModelInstaller installer = new ModelInstaller(pinnedElsewhere, this::noNetwork, REVERSING);

        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer.install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("is not test-models@1.2.3: its SHA-256 is"), e.getMessage());
        assertTrue(e.getMessage().contains("--from"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(".models.lock"), list(target.getParent()));
    }

    @Test
    void truncatedTarballIsReportedAsDamagedAndTheOldInstallationStays() throws IOException {
        Path good = write("good.tgz", TestTarballs.tgz(goodEntries()));
        installer(good, REVERSING).install(target, Optional.of(good), TaskMonitor.SILENT);
        Files.delete(target.resolve("beta.onnx"));
        List<String> before = list(target);
        byte[] whole = Files.readAllBytes(good);
        Path truncated = write("truncated.tgz", Arrays.copyOf(whole, whole.length * 2 / 3));

        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(truncated, REVERSING).install(target, Optional.of(truncated), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("is damaged or truncated"), e.getMessage());
        assertEquals(before, list(target), "the earlier installation is untouched");
        assertEquals(List.of(".models.lock", "models"), list(target.getParent()));
    }

    @Test
    void garbageIsReportedAsDamaged() throws IOException {
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);
        Path tarball = write("noise.tgz", noise);
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(tarball, REVERSING).install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("is damaged or truncated"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void missingModelFileNamesTheFile() throws IOException {
        Map<String, byte[]> entries = goodEntries();
        entries.remove("package/alpha.tflite");
        Path tarball = write("pkg.tgz", TestTarballs.tgz(entries));
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(tarball, REVERSING).install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("it has no package/alpha.tflite"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void offsetsOutsideTheDataFileAreReported() throws IOException {
        Map<String, byte[]> entries = goodEntries();
        entries.put("package/test_packed_assets_loader.js", TestTarballs.loaderScript(
                "beta.tflite", 0, beta.length, "gamma.tflite", beta.length, beta.length + gamma.length + 10)
                .getBytes(StandardCharsets.UTF_8));
        Path tarball = write("pkg.tgz", TestTarballs.tgz(entries));
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(tarball, REVERSING).install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("gamma.tflite at bytes 1500..2287 lies outside the 2277-byte data file"),
                e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void shiftedOffsetsFailTheModelChecksum() throws IOException {
        Map<String, byte[]> entries = goodEntries();
        entries.put("package/test_packed_assets_loader.js", TestTarballs.loaderScript(
                "beta.tflite", 1, beta.length + 1, "gamma.tflite", beta.length, beta.length + gamma.length)
                .getBytes(StandardCharsets.UTF_8));
        Path tarball = write("pkg.tgz", TestTarballs.tgz(entries));
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(tarball, REVERSING).install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().startsWith("beta.tflite in "), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + Checksums.sha256(beta, 0, beta.length)), e.getMessage());
    }

    @Test
    void aFailedConversionLeavesTheOldInstallationIntact() throws IOException {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        installer(tarball, REVERSING).install(target, Optional.of(tarball), TaskMonitor.SILENT);
        Files.delete(target.resolve("alpha.onnx"));
        List<String> before = list(target);
        ModelConverter failsOnGamma = (tflite, onnx) -> {
            if (tflite.getFileName().toString().startsWith("gamma")) {
                throw new GestureLabException("Cannot convert gamma.tflite: unsupported operator CUSTOM:Foo");
            }
            return REVERSING.convert(tflite, onnx);
        };

        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(tarball, failsOnGamma).install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("CUSTOM:Foo"), e.getMessage());
        assertEquals(before, list(target));
        assertEquals(List.of(".models.lock", "models"), list(target.getParent()));
    }

    @Test
    void cancellingStopsWithoutWritingAnything() throws IOException {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        TaskMonitor cancelled = new TaskMonitor() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class,
                () -> installer(tarball, REVERSING).install(target, Optional.of(tarball), cancelled));
        assertFalse(Files.exists(target));
    }

    @Test
    void refusesToReplaceAFolderWithForeignFiles() throws IOException {
        Path tarball = write("pkg.tgz", TestTarballs.tgz(goodEntries()));
        Files.createDirectories(target);
        Files.writeString(target.resolve("thesis.docx"), "years of work");
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(tarball, REVERSING).install(target, Optional.of(tarball), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("thesis.docx"), e.getMessage());
        assertEquals("years of work", Files.readString(target.resolve("thesis.docx")));
    }

    @Test
    void fetchesWithTheFetcherWhenNoTarballIsGiven() throws IOException {
        byte[] tgz = TestTarballs.tgz(goodEntries());
        ModelPackage modelPackage = new ModelPackage("test-models", "1.2.3", Checksums.sha256(tgz, 0, tgz.length),
                packagedModels());
        List<Path> workDirs = new ArrayList<>();
        PackageFetcher fetcher = (pkg, workDir, monitor) -> {
            workDirs.add(workDir);
            return Files.write(workDir.resolve("test-models-1.2.3.tgz"), tgz);
        };
        new ModelInstaller(modelPackage, fetcher, REVERSING).install(target, Optional.empty(), TaskMonitor.SILENT);
        assertEquals(1, workDirs.size());
        assertTrue(workDirs.get(0).startsWith(target.getParent()), "downloads next to the target: " + workDirs);
        assertFalse(Files.exists(workDirs.get(0)), "the download is removed");
    }

    @Test
    void aFullDiskIsReportedAsSuch() throws IOException {
        ModelPackage modelPackage = new ModelPackage("test-models", "1.2.3", "0".repeat(64), packagedModels());
        PackageFetcher diskFull = (pkg, workDir, monitor) -> {
            throw new IOException("No space left on device");
        };
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> new ModelInstaller(modelPackage, diskFull, REVERSING).install(target, Optional.empty(),
                        TaskMonitor.SILENT));
        assertTrue(e.getMessage().startsWith("Not enough disk space in "), e.getMessage());
        assertTrue(e.getMessage().contains("--dir"), e.getMessage());
    }

    @Test
    void aMissingTarballIsNamed() {
        Path nowhere = temp.resolve("nowhere.tgz");
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> installer(nowhere, REVERSING).install(target, Optional.of(nowhere), TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains(nowhere + " does not exist"), e.getMessage());
    }

    private Map<String, byte[]> goodEntries() {
        byte[] packed = new byte[beta.length + gamma.length];
        System.arraycopy(beta, 0, packed, 0, beta.length);
        System.arraycopy(gamma, 0, packed, beta.length, gamma.length);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\": \"test-models\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("package/test_packed_assets.data", packed);
        entries.put("package/test_packed_assets_loader.js", TestTarballs.loaderScript("beta.tflite", 0, beta.length,
                "gamma.tflite", beta.length, beta.length + gamma.length).getBytes(StandardCharsets.UTF_8));
        entries.put("package/alpha.tflite", alpha);
        return entries;
    }

    private List<PackagedModel> packagedModels() {
        return List.of(new PackagedModel("alpha", Checksums.sha256(alpha, 0, alpha.length), true),
                new PackagedModel("beta", Checksums.sha256(beta, 0, beta.length), false),
                new PackagedModel("gamma", Checksums.sha256(gamma, 0, gamma.length), false));
    }

    private ModelInstaller installer(Path tarball) {
        try {
            return installer(tarball, REVERSING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An installer pinned to the given tarball's checksum, as the real one is pinned to the npm release. */
    private ModelInstaller installer(Path tarball, ModelConverter converter) throws IOException {
        String sha = Files.exists(tarball) ? Checksums.sha256(tarball) : "0".repeat(64);
        return new ModelInstaller(new ModelPackage("test-models", "1.2.3", sha, packagedModels()), this::noNetwork,
                converter);
    }

    private Path noNetwork(ModelPackage modelPackage, Path workDir, TaskMonitor monitor) {
        throw new AssertionError("the test gave a tarball; nothing should be fetched");
    }

    private static ModelConverter counting(AtomicInteger conversions) {
        return (tflite, onnx) -> {
            conversions.incrementAndGet();
            return REVERSING.convert(tflite, onnx);
        };
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
