package org.gesturelab.active;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

/** Picks clips uniformly at random: the baseline every other strategy has to beat. It never asks the model. */
public final class RandomStrategy implements QueryStrategy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public List<RankedClip> select(GestureClassifier model, List<PoolClip> pool, int k, long seed,
            TaskMonitor monitor) {
        monitor.checkCancelled();
        SplittableRandom random = new SplittableRandom(seed);
        double[] score = new double[pool.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = random.nextDouble();
        }
        List<RankedClip> batch = new ArrayList<>();
        for (int index : Ranking.topK(score, k)) {
            batch.add(new RankedClip(pool.get(index).id(), batch.size() + 1, score[index],
                    new RankedClip.Why(name(), score[index], -1, -1, 0)));
        }
        return batch;
    }
}
