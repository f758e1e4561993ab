package org.gesturelab.active;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, stratified choices of clip indices: the initial labels and the test split of a simulation. */
public final class Splits {

    private Splits() {
    }

    /**
     * Picks up to {@code perClass} indices of each class at random.
     *
     * @param labels each clip's class
     * @param classes the number of classes
     * @param perClass how many to pick per class (fewer when a class has fewer clips)
     * @param seed the seed
     * @return the picked indices, ascending
     */
    public static int[] perClass(int[] labels, int classes, int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> picked = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = shuffledMembers(labels, c, random);
            picked.addAll(members.subList(0, Math.min(perClass, members.size())));
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Picks a fraction of each class at random (at least one clip of every class with two or more).
     *
     * @param labels each clip's class
     * @param classes the number of classes
     * @param fraction the share of each class to pick, in (0, 1)
     * @param seed the seed
     * @return the picked indices, ascending
     */
    public static int[] stratifiedFraction(int[] labels, int classes, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> picked = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = shuffledMembers(labels, c, random);
            int count = members.size() < 2 ? 0 : Math.max(1, (int) Math.round(members.size() * fraction));
            picked.addAll(members.subList(0, Math.min(count, members.size() - 1)));
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Returns the indices in {@code 0..n-1} that are not in {@code taken}.
     *
     * @param n the number of clips
     * @param taken indices already used
     * @return the rest, ascending
     */
    public static int[] complement(int n, int[] taken) {
        boolean[] used = new boolean[n];
        for (int i : taken) {
            used[i] = true;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                rest.add(i);
            }
        }
        return rest.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> shuffledMembers(int[] labels, int c, SplittableRandom random) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c) {
                members.add(i);
            }
        }
        shuffle(members, random);
        return members;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
