package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gesturelab.mediapipe.InstallResult;
import org.gesturelab.mediapipe.ModelDirectory;
import org.gesturelab.mediapipe.ModelInstaller;
import org.gesturelab.mediapipe.ModelPackage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gesturelab models install}: fetch, check, convert and install the MediaPipe models once. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = {
            "Install the MediaPipe Holistic models (once; needs npm or --from).",
            "Fetches the npm package with 'npm pack' (or takes --from), checks the SHA-256 of the package and of",
            "every model, converts each model to ONNX, and writes the originals, the ONNX files and manifest.json",
            "into the model directory. Does nothing when the models are already installed and intact."
        })
public final class ModelsInstallCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "TARBALL",
            description = "Use this tarball of the package (made by 'npm pack') instead of running npm.")
    private Path from;

    @Option(names = "--dir", paramLabel = "DIR",
            description = ModelDirectory.OPTION_DESCRIPTION)
    private Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path target = ModelDirectory.resolve(dir);
        InstallResult result;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            result = new ModelInstaller().install(target, Optional.ofNullable(from), progress);
        }
        if (result.alreadyInstalled()) {
            out.println("Models already installed and verified at " + result.directory());
        } else {
            out.printf("Installed %d models from %s into %s in %.1f s.%n", result.manifest().models().size(),
                    ModelPackage.HOLISTIC.spec(), result.directory(), result.elapsed().toMillis() / 1000.0);
            out.println("Check them against TensorFlow Lite with: gesturelab models verify"
                    + (dir == null ? "" : " --dir " + result.directory()));
        }
        out.flush();
        return 0;
    }
}
