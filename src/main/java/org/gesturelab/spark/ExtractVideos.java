package org.gesturelab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;

import org.gesturelab.core.FileTrees;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.ClipExtractor;
import org.gesturelab.keypoints.ExtractionManifest;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.PoseModel;

/**
 * What an executor does with its videos: checks the shipped models, borrows a loaded pipeline and runs
 * {@link ClipExtractor} — the code {@code gesturelab extract} runs — on each video, writing {@code NAME.npy} and
 * {@code NAME.json} into the output folder. A video that fails becomes a {@code failed} manifest line with the reason;
 * the task goes on with the next one.
 */
final class ExtractVideos implements FlatMapFunction<Iterator<VideoTask>, ExtractionManifest.Row> {

    private static final long serialVersionUID = 1L;

    private final HadoopConf conf;
    private final String out;
    private final PoseModel pose;

    /**
     * Creates the function.
     *
     * @param conf the driver's Hadoop configuration
     * @param out the output folder, qualified
     * @param pose the pose landmark model
     */
    ExtractVideos(HadoopConf conf, String out, PoseModel pose) {
        this.conf = conf;
        this.out = out;
        this.pose = pose;
    }

    @Override
    public Iterator<ExtractionManifest.Row> call(Iterator<VideoTask> videos) {
        if (!videos.hasNext()) {
            return List.<ExtractionManifest.Row>of().iterator();
        }
        java.nio.file.Path models = java.nio.file.Path.of(SparkFiles.getRootDirectory());
        ShippedModels.verify(models, pose);
        HolisticOptions options = HolisticOptions.defaults().withPoseModel(pose).withModelDir(models);
        List<ExtractionManifest.Row> rows = new ArrayList<>();
        HolisticPipeline pipeline = PipelinePool.borrow(options);
        try {
            ClipExtractor extractor = new ClipExtractor(pipeline);
            while (videos.hasNext()) {
                rows.add(extract(extractor, videos.next()));
            }
        } finally {
            PipelinePool.giveBack(options, pipeline);
        }
        return rows.iterator();
    }

    private ExtractionManifest.Row extract(ClipExtractor extractor, VideoTask task) {
        java.nio.file.Path scratch = null;
        try {
            Path source = new Path(task.source());
            FileSystem sourceFs = conf.fileSystem(source);
            Path target = new Path(new Path(out), task.npy()).getParent();
            FileSystem targetFs = conf.fileSystem(target);
            java.nio.file.Path video;
            if (HadoopConf.isLocal(sourceFs)) {
                video = java.nio.file.Path.of(source.toUri());
            } else {
                // ClipExtractor decodes local files: fetch the video, under its own name (the outputs take it).
                scratch = Files.createTempDirectory("gesturelab-video");
                video = scratch.resolve(source.getName());
                sourceFs.copyToLocalFile(false, source, new Path(video.toUri()), true);
            }
            ClipExtractor.Result result;
            if (HadoopConf.isLocal(targetFs)) {
                result = extractor.extract(video, java.nio.file.Path.of(target.toUri()), false, TaskMonitor.SILENT);
            } else {
                if (scratch == null) {
                    scratch = Files.createTempDirectory("gesturelab-video");
                }
                java.nio.file.Path local = Files.createDirectories(scratch.resolve("out"));
                result = extractor.extract(video, local, false, TaskMonitor.SILENT);
                targetFs.mkdirs(target);
                // The summary goes last: a re-run takes NAME.json as the sign that NAME.npy is complete.
                targetFs.copyFromLocalFile(false, true, new Path(result.npy().toUri()),
                        new Path(target, result.npy().getFileName().toString()));
                targetFs.copyFromLocalFile(false, true, new Path(result.json().toUri()),
                        new Path(target, result.json().getFileName().toString()));
            }
            return ExtractionManifest.Row.of(task.video(), task.npy(), result);
        } catch (Exception e) {
            return ExtractionManifest.Row.failed(task.video(), e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName());
        } finally {
            if (scratch != null) {
                try {
                    FileTrees.deleteRecursively(scratch);
                } catch (IOException e) {
                    // A leftover temporary copy must not turn a finished video into a failed one.
                }
            }
        }
    }
}
