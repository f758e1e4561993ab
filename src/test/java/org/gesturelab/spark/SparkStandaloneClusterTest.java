package org.gesturelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.ClipExtractor;
import org.gesturelab.keypoints.ExtractionManifest;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.mediapipe.InstalledModels;

/**
 * The corpus job on a real Spark standalone cluster on loopback, started from the Maven jars alone (no Spark
 * distribution): a {@code Master} and two {@code Worker}s in JVMs of their own, each worker with one core, so each
 * runs one executor JVM. The test JVM is the driver ({@code spark://127.0.0.1:PORT}, client mode); the executors get
 * the test class path, and the models through {@code addFile}, as on a cluster.
 */
class SparkStandaloneClusterTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String SPARK_INFO = "org.slf4j.simpleLogger.log.org.apache.spark=info";

    @TempDir
    static Path root;
    private static final List<Process> CLUSTER = new ArrayList<>();

    @Test
    void twoWorkersExtractTheVideosAsExtractDoes() throws Exception {
        Path models = InstalledModels.require();
        Path corpus = SparkTestVideos.corpus(root.resolve("corpus"), 3);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        // Without a Spark distribution: an empty SPARK_HOME/jars satisfies the worker's executor launcher, and the
        // executors take their classes from spark.executor.extraClassPath.
        Path sparkHome = Files.createDirectories(root.resolve("spark-home/jars")).getParent();
        Path masterLog = root.resolve("master.log");
        start(classPath, sparkHome, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", "0");
        awaitLine(masterLog, "I have been elected leader");
        List<Path> workDirs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path workDir = Files.createDirectories(root.resolve("worker" + i));
            workDirs.add(workDir);
            start(classPath, sparkHome, root.resolve("worker" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--webui-port", "0", "--work-dir",
                    workDir.toString(), master);
        }
        for (int i = 1; i <= 2; i++) {
            awaitLine(root.resolve("worker" + i + ".log"), "Successfully registered with master");
        }

        Path out = root.resolve("out");
        CorpusJob.Summary summary = ExtractCorpus.run("--master", master, corpus.toString(), "--out",
                out.toString(), "--models", models.toString(),
                "--conf", "spark.executor.extraClassPath=" + classPath,
                "--conf", "spark.executor.extraJavaOptions=-Dai.djl.offline=true -D" + SPARK_INFO,
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.cores.max=2",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                // Both executors first, so that both workers get videos.
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=60s");
        assertNotNull(summary, "the job ran on the cluster");
        assertEquals(3, summary.extracted());
        assertEquals(0, summary.failed());
        for (Path workDir : workDirs) {
            assertTrue(executorLogs(workDir).anyMatch(log -> log.contains("Running task")),
                    "an executor of " + workDir.getFileName() + " ran tasks");
        }

        try (HolisticPipeline pipeline = new HolisticPipeline(HolisticOptions.defaults().withModelDir(models));
                InputStream manifest = Files.newInputStream(out.resolve(ExtractionManifest.FILE))) {
            assertEquals(3, ExtractionManifest.read(manifest, "manifest.csv").stream()
                    .filter(ExtractionManifest.Row::ok).count());
            ClipExtractor extractor = new ClipExtractor(pipeline);
            for (String[] video : SparkTestVideos.VIDEOS.subList(0, 3)) {
                Path file = corpus.resolve(video[0]).resolve(video[1]);
                Npy.Array want = Npy.read(extractor.extract(file, root.resolve("extract").resolve(video[0]), false,
                        TaskMonitor.SILENT).npy());
                Npy.Array got = Npy.read(out.resolve(video[0]).resolve(ClipExtractor.baseName(file) + ".npy"));
                assertEquals(want.rows(), got.rows(), video[2]);
                double worst = 0;
                for (int i = 0; i < want.data().length; i++) {
                    worst = Math.max(worst, Math.abs(want.data()[i] - got.data()[i]));
                }
                assertTrue(worst <= 1e-5, video[2] + ": max abs difference " + worst);
            }
        }
    }

    @AfterAll
    static void stopTheCluster() throws InterruptedException {
        // Workers first (their executors with them), the master last; only the processes this test started.
        for (int i = CLUSTER.size() - 1; i >= 0; i--) {
            Process process = CLUSTER.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void start(String classPath, Path sparkHome, Path log, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        // GestureLab's simplelogger.properties keeps libraries at warn; the test waits for these INFO lines.
        command.addAll(List.of("-Xmx512m", "-D" + SPARK_INFO, "-cp", classPath, mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        CLUSTER.add(builder.start());
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            for (Process process : CLUSTER) {
                if (!process.isAlive()) {
                    throw new AssertionError("A cluster JVM stopped: " + Files.readString(log));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No '" + text + "' in " + log + " after " + STARTUP + ":\n" + Files.readString(log));
    }

    private static Stream<String> executorLogs(Path workDir) throws IOException {
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.filter(path -> path.getFileName().toString().equals("stderr")).toList()) {
                logs.add(Files.readString(file));
            }
        }
        return logs.stream();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
