package org.gesturelab.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import org.gesturelab.core.CancelledException;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.ExtractionManifest;
import org.gesturelab.keypoints.PoseModel;
import org.gesturelab.mediapipe.ModelDirectory;

/**
 * The driver's side of the corpus extraction: lists the videos, leaves out those a previous run finished, ships the
 * models, runs one Spark task per remaining video ({@link ExtractVideos}) and writes {@code manifest.csv} with a line
 * for every video, failed ones included. Failed videos do not fail the job; a re-run tries them again.
 */
public final class CorpusJob {

    /**
     * What to extract.
     *
     * @param input a folder, a video or a list file (any Hadoop file system)
     * @param out the output folder (any Hadoop file system)
     * @param models the model folder, or null for the installed one ({@link ModelDirectory})
     * @param pose the pose landmark model
     */
    public record Settings(String input, String out, java.nio.file.Path models, PoseModel pose) {
    }

    /**
     * What a run did.
     *
     * @param videos videos in the input
     * @param extracted videos extracted by this run
     * @param skipped videos a previous run had finished
     * @param failed videos that failed in this run (listed in the manifest)
     * @param frames frames extracted by this run
     * @param seconds wall time of the run
     * @param manifest the manifest written
     */
    public record Summary(int videos, int extracted, int skipped, int failed, long frames, double seconds,
            String manifest) {
    }

    private CorpusJob() {
    }

    /**
     * Runs the job on a Spark context.
     *
     * @param spark the context (local mode or a cluster)
     * @param settings what to extract
     * @param monitor videos done of those to do; cancelling stops the Spark job
     * @return what was done
     * @throws GestureLabException when the input, the output or the models are unusable
     * @throws CancelledException when the monitor cancels
     */
    public static Summary run(JavaSparkContext spark, Settings settings, TaskMonitor monitor) {
        long started = System.nanoTime();
        HadoopConf conf = new HadoopConf(spark.hadoopConfiguration());
        try {
            Path out = new Path(settings.out());
            FileSystem outFs = conf.fileSystem(out);
            out = outFs.makeQualified(out);
            List<VideoTask> videos = CorpusInput.list(settings.input(), out, conf);
            outFs.mkdirs(out);
            Path manifestFile = new Path(out, ExtractionManifest.FILE);
            Map<String, ExtractionManifest.Row> rows = new TreeMap<>(previousRows(outFs, manifestFile));
            Set<String> present = outputs(outFs, out);

            List<VideoTask> todo = new ArrayList<>();
            Map<String, String> stems = new HashMap<>();
            int skipped = 0;
            for (VideoTask video : videos) {
                String first = stems.putIfAbsent(video.stem(), video.video());
                if (first != null) {
                    rows.put(video.video(), ExtractionManifest.Row.failed(video.video(), "Its outputs would be "
                            + video.npy() + ", as those of " + first + "; rename one of the two videos."));
                    continue;
                }
                ExtractionManifest.Row done = finished(outFs, out, video, rows.get(video.video()), present);
                if (done != null) {
                    rows.put(video.video(), done);
                    skipped++;
                } else {
                    todo.add(video);
                }
            }

            List<ExtractionManifest.Row> fresh = todo.isEmpty() ? List.of()
                    : extract(spark, settings, conf, out, todo, monitor);
            int extracted = 0;
            long frames = 0;
            for (ExtractionManifest.Row row : fresh) {
                rows.put(row.video(), row);
                extracted += row.ok() ? 1 : 0;
                frames += row.frames();
            }
            int failed = (int) videos.stream().filter(video -> !rows.get(video.video()).ok()).count();
            writeManifest(outFs, manifestFile, new ArrayList<>(rows.values()));
            return new Summary(videos.size(), extracted, skipped, failed, frames,
                    (System.nanoTime() - started) / 1e9, manifestFile.toString());
        } catch (IOException e) {
            throw new GestureLabException("Cannot read the input or write the output of the extraction: "
                    + e.getMessage(), e);
        }
    }

    private static List<ExtractionManifest.Row> extract(JavaSparkContext spark, Settings settings, HadoopConf conf,
            Path out, List<VideoTask> todo, TaskMonitor monitor) {
        java.nio.file.Path installed = ModelDirectory.resolve(settings.models());
        // Fail on the driver, at once, rather than on every executor after the job started.
        ShippedModels.verify(installed, settings.pose());
        AtomicLong done = new AtomicLong();
        SparkListener progress = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                monitor.update("Extracting keypoints", done.incrementAndGet(), todo.size());
                if (monitor.isCancelled()) {
                    spark.cancelAllJobs();
                }
            }
        };
        spark.sc().addSparkListener(progress);
        try {
            for (java.nio.file.Path file : ShippedModels.files(installed, settings.pose())) {
                spark.addFile(file.toAbsolutePath().toString());
            }
            monitor.update("Extracting keypoints", 0, todo.size());
            // One task per video: videos differ a lot in length, small tasks keep every core busy to the end.
            return spark.parallelize(todo, todo.size())
                    .mapPartitions(new ExtractVideos(conf, out.toString(), settings.pose()))
                    .collect();
        } catch (RuntimeException e) {
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
            throw e;
        } finally {
            spark.sc().removeSparkListener(progress);
            if (spark.isLocal()) {
                // Local mode: the executor was this JVM; free its native model sessions now.
                PipelinePool.closeAll();
            }
        }
    }

    /**
     * Returns a video's line if a previous run finished it: its outputs are there, and the manifest says ok or, after
     * a run that stopped before writing the manifest, its {@code NAME.json} (written after {@code NAME.npy}) reads.
     */
    private static ExtractionManifest.Row finished(FileSystem fs, Path out, VideoTask video,
            ExtractionManifest.Row previous, Set<String> present) {
        if (!present.contains(video.npy()) || !present.contains(video.json())) {
            return null;
        }
        if (previous != null && previous.ok() && previous.npy().equals(video.npy())) {
            return previous;
        }
        try (InputStream json = fs.open(new Path(out, video.json()))) {
            return ExtractionManifest.Row.fromSummary(video.video(), video.npy(), json);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, ExtractionManifest.Row> previousRows(FileSystem fs, Path manifest) throws IOException {
        Map<String, ExtractionManifest.Row> rows = new HashMap<>();
        if (fs.exists(manifest)) {
            try (InputStream in = fs.open(manifest)) {
                ExtractionManifest.read(in, manifest.toString()).forEach(row -> rows.put(row.video(), row));
            }
        }
        return rows;
    }

    /** Lists the files under the output folder once, relative to it, instead of asking for each video. */
    private static Set<String> outputs(FileSystem fs, Path out) throws IOException {
        Set<String> files = new HashSet<>();
        URI root = URI.create(out.toUri() + "/");
        RemoteIterator<LocatedFileStatus> listing = fs.listFiles(out, true);
        while (listing.hasNext()) {
            files.add(root.relativize(listing.next().getPath().toUri()).getPath());
        }
        return files;
    }

    private static void writeManifest(FileSystem fs, Path manifest, List<ExtractionManifest.Row> rows)
            throws IOException {
        rows.sort(Comparator.comparing(ExtractionManifest.Row::video));
        Path partial = new Path(manifest.getParent(), "." + manifest.getName() + ".partial");
        try (OutputStream stream = fs.create(partial, true)) {
            ExtractionManifest.write(stream, rows);
        }
        // Replace, never truncate: the old manifest stays whole until the new one is complete. Local renames
        // replace the target; HDFS and object stores refuse, so the old one goes first there.
        if (!fs.rename(partial, manifest) && !(fs.delete(manifest, false) && fs.rename(partial, manifest))) {
            throw new IOException("cannot rename " + partial + " to " + manifest);
        }
    }
}
