package org.gesturelab.active;

import java.util.List;
import java.util.SplittableRandom;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;

/**
 * A small but genuinely trained classifier for tests of the loop: summary features of the pose and hands
 * (mean over the clip, and the change from its first to its last third), standardized, one hidden ReLU layer of 32
 * with dropout, softmax, trained with Adam. Dropout makes Monte Carlo passes (BALD) meaningful; the hidden layer is
 * the embedding.
 */
final class TinyMlpLearner implements Learner {

    private static final int HIDDEN = 32;
    private static final double DROPOUT = 0.3;

    private final long seed;
    private final int epochs;
    private final int warmEpochs;

    TinyMlpLearner(long seed, int epochs, int warmEpochs) {
        this.seed = seed;
        this.epochs = epochs;
        this.warmEpochs = warmEpochs;
    }

    @Override
    public GestureClassifier fit(LabeledClips labeled, GestureClassifier previous, TaskMonitor monitor) {
        float[][] x = features(labeled.clips());
        int d = x[0].length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = (float) (1 / Math.sqrt(scale[j] + 1e-4));
        }
        Model model;
        int rounds;
        if (previous instanceof Model warm && warm.classes.equals(labeled.classes())) {
            model = warm.copy(mean, scale);
            rounds = warmEpochs;
        } else {
            model = new Model(labeled.classes(), d, mean, scale, seed);
            rounds = epochs;
        }
        model.train(standardize(x, mean, scale), labeled.labels(), rounds, new SplittableRandom(seed ^ x.length),
                monitor);
        return model;
    }

    static float[][] features(List<float[][]> clips) {
        int parts = KeypointLayout.POSE_LENGTH + 2 * KeypointLayout.HAND_LENGTH;
        float[][] result = new float[clips.size()][];
        for (int i = 0; i < clips.size(); i++) {
            float[][] clip = clips.get(i);
            float[] f = new float[2 * parts];
            int third = Math.max(1, clip.length / 3);
            for (int t = 0; t < clip.length; t++) {
                float[] frame = clip[t];
                for (int j = 0; j < parts; j++) {
                    float v = frame[j < KeypointLayout.POSE_LENGTH ? j
                            : KeypointLayout.LEFT_HAND_OFFSET + j - KeypointLayout.POSE_LENGTH];
                    f[j] += v / clip.length;
                    if (t < third) {
                        f[parts + j] -= v / third;
                    } else if (t >= clip.length - third) {
                        f[parts + j] += v / third;
                    }
                }
            }
            result[i] = f;
        }
        return result;
    }

    private static float[][] standardize(float[][] x, float[] mean, float[] scale) {
        float[][] z = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                z[i][j] = (x[i][j] - mean[j]) * scale[j];
            }
        }
        return z;
    }

    /** The trained network. */
    static final class Model implements GestureClassifier {
        final List<String> classes;
        final float[] mean;
        final float[] scale;
        final float[][] w1;
        final float[] b1;
        final float[][] w2;
        final float[] b2;

        Model(List<String> classes, int d, float[] mean, float[] scale, long seed) {
            this.classes = classes;
            this.mean = mean;
            this.scale = scale;
            SplittableRandom random = new SplittableRandom(seed);
            w1 = new float[HIDDEN][d];
            b1 = new float[HIDDEN];
            w2 = new float[classes.size()][HIDDEN];
            b2 = new float[classes.size()];
            double s1 = Math.sqrt(2.0 / d);
            double s2 = Math.sqrt(1.0 / HIDDEN);
            for (float[] row : w1) {
                for (int j = 0; j < d; j++) {
                    row[j] = (float) (gaussian(random) * s1);
                }
            }
            for (float[] row : w2) {
                for (int j = 0; j < HIDDEN; j++) {
                    row[j] = (float) (gaussian(random) * s2);
                }
            }
        }

        private Model(Model other, float[] mean, float[] scale) {
            this.classes = other.classes;
            this.mean = mean;
            this.scale = scale;
            w1 = deepCopy(other.w1);
            b1 = other.b1.clone();
            w2 = deepCopy(other.w2);
            b2 = other.b2.clone();
        }

        Model copy(float[] newMean, float[] newScale) {
            return new Model(this, newMean, newScale);
        }

        void train(float[][] z, int[] y, int epochs, SplittableRandom random, TaskMonitor monitor) {
            int n = z.length;
            int d = z[0].length;
            int c = classes.size();
            Adam a1 = new Adam(HIDDEN * d);
            Adam ab1 = new Adam(HIDDEN);
            Adam a2 = new Adam(c * HIDDEN);
            Adam ab2 = new Adam(c);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            int batch = 16;
            for (int epoch = 0; epoch < epochs; epoch++) {
                monitor.checkCancelled();
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int start = 0; start < n; start += batch) {
                    int end = Math.min(n, start + batch);
                    float[][] g1 = new float[HIDDEN][d];
                    float[] gb1 = new float[HIDDEN];
                    float[][] g2 = new float[c][HIDDEN];
                    float[] gb2 = new float[c];
                    for (int k = start; k < end; k++) {
                        float[] xi = z[order[k]];
                        float[] h = new float[HIDDEN];
                        boolean[] keep = new boolean[HIDDEN];
                        for (int u = 0; u < HIDDEN; u++) {
                            keep[u] = random.nextDouble() >= DROPOUT;
                            double s = b1[u];
                            for (int j = 0; j < d; j++) {
                                s += w1[u][j] * xi[j];
                            }
                            h[u] = keep[u] && s > 0 ? (float) (s / (1 - DROPOUT)) : 0f;
                        }
                        float[] p = softmax(logits(h));
                        p[y[order[k]]] -= 1;
                        float[] dh = new float[HIDDEN];
                        for (int o = 0; o < c; o++) {
                            gb2[o] += p[o];
                            for (int u = 0; u < HIDDEN; u++) {
                                g2[o][u] += p[o] * h[u];
                                dh[u] += p[o] * w2[o][u];
                            }
                        }
                        for (int u = 0; u < HIDDEN; u++) {
                            if (h[u] <= 0) {
                                continue;
                            }
                            float delta = (float) (dh[u] / (1 - DROPOUT));
                            gb1[u] += delta;
                            for (int j = 0; j < d; j++) {
                                g1[u][j] += delta * xi[j];
                            }
                        }
                    }
                    float norm = 1f / (end - start);
                    a1.step(w1, g1, norm);
                    ab1.step(new float[][] {b1}, new float[][] {gb1}, norm);
                    a2.step(w2, g2, norm);
                    ab2.step(new float[][] {b2}, new float[][] {gb2}, norm);
                }
            }
        }

        private float[] logits(float[] h) {
            float[] out = new float[b2.length];
            for (int o = 0; o < out.length; o++) {
                double s = b2[o];
                for (int u = 0; u < HIDDEN; u++) {
                    s += w2[o][u] * h[u];
                }
                out[o] = (float) s;
            }
            return out;
        }

        private float[] hidden(float[] xi, SplittableRandom dropout) {
            float[] h = new float[HIDDEN];
            for (int u = 0; u < HIDDEN; u++) {
                double s = b1[u];
                for (int j = 0; j < xi.length; j++) {
                    s += w1[u][j] * (xi[j] - mean[j]) * scale[j];
                }
                if (dropout != null) {
                    h[u] = dropout.nextDouble() >= DROPOUT && s > 0 ? (float) (s / (1 - DROPOUT)) : 0f;
                } else {
                    h[u] = s > 0 ? (float) s : 0f;
                }
            }
            return h;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public float[][] predict(List<float[][]> clips) {
            float[][] x = features(clips);
            float[][] out = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = softmax(logits(hidden(x[i], null)));
            }
            return out;
        }

        @Override
        public float[][] embed(List<float[][]> clips) {
            float[][] x = features(clips);
            float[][] out = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = hidden(x[i], null);
            }
            return out;
        }

        @Override
        public float[][][] predictWithDropout(List<float[][]> clips, int passes, long seed) {
            float[][] x = features(clips);
            SplittableRandom random = new SplittableRandom(seed);
            float[][][] out = new float[passes][x.length][];
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < x.length; i++) {
                    out[p][i] = softmax(logits(hidden(x[i], random)));
                }
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    private static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= (float) sum;
        }
        return p;
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] copy = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** Adam over one parameter matrix, flattened. */
    private static final class Adam {
        private static final double LR = 0.01;
        private static final double WEIGHT_DECAY = 1e-4;
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        void step(float[][] weights, float[][] gradient, float norm) {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            int k = 0;
            for (int i = 0; i < weights.length; i++) {
                for (int j = 0; j < weights[i].length; j++, k++) {
                    double g = gradient[i][j] * norm + WEIGHT_DECAY * weights[i][j];
                    m[k] = 0.9 * m[k] + 0.1 * g;
                    v[k] = 0.999 * v[k] + 0.001 * g * g;
                    weights[i][j] -= (float) (LR * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8));
                }
            }
        }
    }
}
