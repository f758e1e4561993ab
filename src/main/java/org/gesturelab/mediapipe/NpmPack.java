package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * Fetches a package tarball with {@code npm pack NAME@VERSION}, run in the work folder: npm downloads the tarball
 * there from whatever registry the user's npm is configured for and prints its file name on standard output.
 *
 * <p>This is the only place GestureLab reaches the network, and only when the user runs {@code models install}.
 */
public final class NpmPack implements PackageFetcher {

    private static final long POLL_MILLIS = 200;
    private static final long TIMEOUT_MINUTES = 15;

    private final List<String> npmCommand;

    /** Uses {@code npm} from the {@code PATH} ({@code npm.cmd} on Windows). */
    public NpmPack() {
        this(List.of(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "npm.cmd" : "npm"));
    }

    /**
     * Uses the given command instead of {@code npm}; {@code pack SPEC} is appended to it.
     *
     * @param npmCommand the program and any leading arguments
     */
    public NpmPack(List<String> npmCommand) {
        if (npmCommand.isEmpty()) {
            throw new IllegalArgumentException("npm command must not be empty");
        }
        this.npmCommand = List.copyOf(npmCommand);
    }

    @Override
    public Path fetch(ModelPackage modelPackage, Path workDir, TaskMonitor monitor) throws IOException {
        List<String> command = new ArrayList<>(npmCommand);
        command.add("pack");
        command.add(modelPackage.spec());
        Path stdout = workDir.resolve("npm-pack.out");
        Path stderr = workDir.resolve("npm-pack.err");
        // Output goes to files rather than pipes: no reader threads, and npm can never block on a full pipe.
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        monitor.update("Fetching " + modelPackage.spec() + " with npm", 0, -1);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GestureLabException("Cannot run '" + npmCommand.get(0) + "' (" + e.getMessage() + "). "
                    + "Install Node.js with npm and run again, or pass --from with a tarball of "
                    + modelPackage.spec() + " (made by 'npm pack " + modelPackage.spec() + "' on any machine).", e);
        }
        int exitCode = waitFor(process, monitor);
        String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            String err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
            throw new GestureLabException("'npm pack " + modelPackage.spec() + "' failed with exit code " + exitCode
                    + (err.isEmpty() ? "" : ":\n" + tail(err)) + "\nCheck your network and npm configuration, or pass "
                    + "--from with a tarball of the package.");
        }
        String[] lines = out.split("\\R");
        Path tarball = workDir.resolve(lines[lines.length - 1].strip()).normalize();
        if (!tarball.startsWith(workDir) || !Files.isRegularFile(tarball)) {
            throw new GestureLabException("'npm pack " + modelPackage.spec() + "' succeeded but did not name a "
                    + "tarball it wrote (it printed: " + tail(out) + "). Pass --from with the tarball instead.");
        }
        return tarball;
    }

    private static int waitFor(Process process, TaskMonitor monitor) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (monitor.isCancelled() || System.nanoTime() > deadline) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    monitor.checkCancelled();
                    throw new GestureLabException("'npm pack' did not finish within " + TIMEOUT_MINUTES
                            + " minutes. Check your network, or pass --from with a tarball of the package.");
                }
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for npm", e);
        }
    }

    private static String tail(String text) {
        int max = 2000;
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }
}
