/**
 * Keypoints of a whole video corpus as an Apache Spark job ({@code docs/decisions/1500}): every video of a folder or
 * list file (any Hadoop file system: local, HDFS, S3) goes through the same {@link org.gesturelab.keypoints.ClipExtractor}
 * as {@code gesturelab extract}, one Spark task per video, and the output folder gets {@code NAME.npy} +
 * {@code NAME.json} per video and a {@link org.gesturelab.keypoints.ExtractionManifest manifest.csv} that lists
 * failed videos and lets a re-run skip the finished ones.
 *
 * <p>Run it with {@code spark-submit --class org.gesturelab.spark.ExtractCorpus target/gesturelab-spark.jar INPUT
 * --out OUT}, or on one machine with {@code java -jar target/gesturelab-spark.jar --master local[2] INPUT --out OUT}
 * (both built by {@code mvn -P spark package}). Spark is a provided dependency: these classes are left out of the
 * desktop jar.
 */
package org.gesturelab.spark;
