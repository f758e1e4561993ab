package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.PoseAccuracy;
import org.gesturelab.keypoints.PoseTracker;
import org.gesturelab.keypoints.StageStatistics;
import org.gesturelab.core.TaskMonitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gesturelab bench accuracy}: GestureLab's keypoints against MediaPipe's own. On {@code bodygesture15} the
 * median distance of the 33 pose landmarks to MediaPipe Pose's (visible landmarks, divided by the torso length) and
 * how often the pose is found, per subject; on {@code asl-word-videos} how often the face and at least one hand are
 * found, per clip. Exit code 1 when a goal is missed.
 */
@Command(
        name = "accuracy",
        mixinStandardHelpOptions = true,
        description = "Compare pose landmarks with MediaPipe's on bodygesture15 (per subject) and count face and hand "
                + "detections on asl-word-videos (per clip). Exit code 1 when a goal is missed.")
public final class AccuracyBenchCommand implements Callable<Integer> {

    /** Goal: median normalized pose error. */
    static final double MAX_POSE_ERROR = 0.02;
    /** Goal: fraction of reference frames with a pose. */
    static final double MIN_POSE_FOUND = 0.95;
    /** Goal: fraction of ASL clip frames with a face. */
    static final double MIN_FACE_FOUND = 0.95;
    /** Goal: fraction of ASL clip frames with at least one hand. */
    static final double MIN_HAND_FOUND = 0.85;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The shared gesture data (default: $GESTURELAB_SHARED_DATA or ../shared/data).")
    private Path data;

    @Option(names = "--per-subject", paramLabel = "N", defaultValue = "-1",
            description = "Compare at most N bodygesture15 videos per subject (default: all).")
    private int perSubject;

    @Option(names = "--no-asl", description = "Skip the asl-word-videos detection rates.")
    private boolean noAsl;

    @Option(names = "--no-pose", description = "Skip the bodygesture15 pose comparison.")
    private boolean noPose;

    @CommandLine.Mixin
    private HolisticModelOptions holistic = new HolisticModelOptions();

    @Option(names = "--json", description = "Print one JSON object instead of a report.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Path root = dataRoot();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = mapper.createObjectNode();
        boolean passed = true;
        if (!noPose) {
            passed = poseAccuracy(root, report, out, err);
        }
        if (!noAsl) {
            passed &= detectionRates(root.resolve("asl-word-videos"), report, out, err);
        }
        report.put("passed", passed);
        if (json) {
            out.println(mapper.writeValueAsString(report));
        }
        out.flush();
        return passed ? 0 : GestureLabCommand.EXIT_USER_ERROR;
    }

    private boolean poseAccuracy(Path root, ObjectNode report, PrintWriter out, PrintWriter err) {
        List<PoseAccuracy.Clip> clips = selectClips(PoseAccuracy.bodyGestureClips(root.resolve("bodygesture15")));
        if (clips.isEmpty()) {
            throw new GestureLabException("No bodygesture15 videos with references under " + root + ".");
        }
        Map<String, List<PoseAccuracy.ClipScore>> bySubject = new LinkedHashMap<>();
        try (PoseTracker tracker = new PoseTracker(holistic.poseModel, holistic.models, null);
                ConsoleProgress progress = new ConsoleProgress(err)) {
            for (int i = 0; i < clips.size(); i++) {
                PoseAccuracy.Clip clip = clips.get(i);
                progress.update("bodygesture15 " + clip.subject(), i, clips.size());
                bySubject.computeIfAbsent(clip.subject(), s -> new ArrayList<>())
                        .add(PoseAccuracy.evaluate(tracker, clip));
            }
            progress.update("bodygesture15", clips.size(), clips.size());
        }
        ObjectNode subjects = report.putObject("pose_by_subject");
        List<Double> allErrors = new ArrayList<>();
        long allReference = 0;
        long allFound = 0;
        if (!json) {
            out.printf(Locale.ROOT, "Pose vs MediaPipe on bodygesture15 (%s model), error = distance / torso length%n",
                    holistic.poseModel.name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "%-8s %6s %8s %14s %10s%n", "subject", "videos", "frames", "median error",
                    "pose found");
        }
        for (Map.Entry<String, List<PoseAccuracy.ClipScore>> entry : bySubject.entrySet()) {
            List<Double> errors = new ArrayList<>();
            long reference = 0;
            long found = 0;
            for (PoseAccuracy.ClipScore score : entry.getValue()) {
                errors.addAll(score.errors());
                reference += score.referenceFrames();
                found += score.found();
            }
            allErrors.addAll(errors);
            allReference += reference;
            allFound += found;
            double median = StageStatistics.median(errors);
            double foundFraction = reference == 0 ? 1 : (double) found / reference;
            ObjectNode subject = subjects.putObject(entry.getKey());
            subject.put("videos", entry.getValue().size());
            subject.put("frames", reference);
            putRounded(subject, "median_error", median);
            putRounded(subject, "pose_found", foundFraction);
            if (!json) {
                out.printf(Locale.ROOT, "%-8s %6d %8d %14.4f %9.1f%%%n", entry.getKey(), entry.getValue().size(),
                        reference, median, 100 * foundFraction);
            }
        }
        double overall = StageStatistics.median(allErrors);
        double overallFound = allReference == 0 ? 1 : (double) allFound / allReference;
        putRounded(report, "pose_median_error", overall);
        putRounded(report, "pose_found", overallFound);
        boolean poseOk = overall <= MAX_POSE_ERROR && overallFound >= MIN_POSE_FOUND;
        if (!json) {
            out.printf(Locale.ROOT, "%-8s %6d %8d %14.4f %9.1f%%   goal <= %.2f and >= %.0f%%: %s%n", "all",
                    clips.size(), allReference, overall, 100 * overallFound, MAX_POSE_ERROR, 100 * MIN_POSE_FOUND,
                    poseOk ? "met" : "MISSED");
            out.flush();
        }
        return poseOk;
    }

    private boolean detectionRates(Path folder, ObjectNode report, PrintWriter out, PrintWriter err)
            throws IOException {
        List<Path> videos;
        try (Stream<Path> files = Files.walk(folder)) {
            videos = files.filter(Files::isRegularFile).filter(FrameSources::isVideo).sorted().toList();
        }
        if (videos.isEmpty()) {
            throw new GestureLabException("No videos under " + folder + ".");
        }
        ObjectNode clips = report.putObject("asl_clips");
        long frames = 0;
        long withFace = 0;
        long withHand = 0;
        long framesWristIn = 0;
        long withHandWristIn = 0;
        if (!json) {
            out.printf(Locale.ROOT, "%nDetections on asl-word-videos (goal: face >= %.0f%%, a hand >= %.0f%%)%n",
                    100 * MIN_FACE_FOUND, 100 * MIN_HAND_FOUND);
            out.printf(Locale.ROOT, "%-34s %7s %7s %7s %7s %7s %9s %9s%n", "clip", "frames", "face", "a hand", "left",
                    "right", "wrist in", "hand|in");
        }
        HolisticOptions options = holistic.holisticOptions();
        try (HolisticPipeline pipeline = new HolisticPipeline(options);
                ConsoleProgress progress = new ConsoleProgress(err)) {
            for (int i = 0; i < videos.size(); i++) {
                Path video = videos.get(i);
                String name = folder.relativize(video).toString();
                progress.update("asl-word-videos", i, videos.size());
                StageStatistics statistics = new StageStatistics();
                long[] wristIn = {0, 0};
                try (FrameSource source = FrameSources.video(video)) {
                    pipeline.run(source, -1, (frame, keypoints) -> {
                        statistics.add(keypoints);
                        if (wristInPicture(keypoints.pose())) {
                            wristIn[0]++;
                            wristIn[1] += keypoints.hasLeftHand() || keypoints.hasRightHand() ? 1 : 0;
                        }
                    }, TaskMonitor.SILENT);
                }
                framesWristIn += wristIn[0];
                withHandWristIn += wristIn[1];
                boolean ok = statistics.faceFraction() >= MIN_FACE_FOUND
                        && statistics.anyHandFraction() >= MIN_HAND_FOUND;
                frames += statistics.frames();
                withFace += Math.round(statistics.faceFraction() * statistics.frames());
                withHand += Math.round(statistics.anyHandFraction() * statistics.frames());
                ObjectNode clip = clips.putObject(name);
                clip.put("frames", statistics.frames());
                putRounded(clip, "face", statistics.faceFraction());
                putRounded(clip, "any_hand", statistics.anyHandFraction());
                putRounded(clip, "left_hand", statistics.leftHandFraction());
                putRounded(clip, "right_hand", statistics.rightHandFraction());
                putRounded(clip, "wrist_in_picture", (double) wristIn[0] / Math.max(1, statistics.frames()));
                putRounded(clip, "any_hand_when_wrist_in_picture", (double) wristIn[1] / Math.max(1, wristIn[0]));
                if (!json) {
                    out.printf(Locale.ROOT, "%-34s %7d %6.1f%% %6.1f%% %6.1f%% %6.1f%% %8.1f%% %8.1f%%%s%n", name,
                            statistics.frames(), 100 * statistics.faceFraction(), 100 * statistics.anyHandFraction(),
                            100 * statistics.leftHandFraction(), 100 * statistics.rightHandFraction(),
                            100.0 * wristIn[0] / Math.max(1, statistics.frames()),
                            100.0 * wristIn[1] / Math.max(1, wristIn[0]), ok ? "" : "  below");
                    out.flush();
                }
            }
            progress.update("asl-word-videos", videos.size(), videos.size());
        }
        double face = frames == 0 ? 0 : (double) withFace / frames;
        double hand = frames == 0 ? 0 : (double) withHand / frames;
        boolean met = face >= MIN_FACE_FOUND && hand >= MIN_HAND_FOUND;
        report.put("asl_frames", frames);
        putRounded(report, "asl_face", face);
        putRounded(report, "asl_any_hand", hand);
        report.put("asl_goals_met", met);
        putRounded(report, "asl_wrist_in_picture", (double) framesWristIn / Math.max(1, frames));
        putRounded(report, "asl_any_hand_when_wrist_in_picture", (double) withHandWristIn / Math.max(1, framesWristIn));
        if (!json) {
            out.printf(Locale.ROOT, "%-34s %7d %6.1f%% %6.1f%%   goal over all frames: %s%n", "all", frames,
                    100 * face, 100 * hand, met ? "met" : "MISSED");
            out.printf(Locale.ROOT, "A hand was found in %.1f%% of the %d frames where a pose wrist lies inside the "
                    + "picture (%.1f%% of all frames).%n", 100.0 * withHandWristIn / Math.max(1, framesWristIn),
                    framesWristIn, 100.0 * framesWristIn / Math.max(1, frames));
            out.println("(\"below\" marks clips under a goal on their own; hands out of the picture cannot be found.)");
            out.flush();
        }
        return met;
    }

    /** Whether either wrist of the pose lies inside the picture, so that its hand could be seen. */
    static boolean wristInPicture(float[] pose) {
        if (pose == null) {
            return false;
        }
        for (int wrist : new int[] {15, 16}) {
            float x = pose[4 * wrist];
            float y = pose[4 * wrist + 1];
            if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
                return true;
            }
        }
        return false;
    }

    private List<PoseAccuracy.Clip> selectClips(List<PoseAccuracy.Clip> all) {
        if (perSubject < 0) {
            return all;
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<PoseAccuracy.Clip> chosen = new ArrayList<>();
        for (PoseAccuracy.Clip clip : all) {
            if (taken.merge(clip.subject(), 1, Integer::sum) <= perSubject) {
                chosen.add(clip);
            }
        }
        return chosen;
    }

    private Path dataRoot() {
        Path root = data;
        if (root == null) {
            String configured = System.getenv("GESTURELAB_SHARED_DATA");
            root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
        }
        if (!Files.isDirectory(root.resolve("bodygesture15"))) {
            throw new GestureLabException("No shared gesture data at " + root.toAbsolutePath()
                    + ": pass --data DIR or set GESTURELAB_SHARED_DATA.");
        }
        return root;
    }

    /** Puts a rounded number, or JSON null when it is not finite (strict JSON has no NaN). */
    private static void putRounded(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, round(value));
        } else {
            node.putNull(key);
        }
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10000) / 10000.0 : Double.NaN;
    }
}
