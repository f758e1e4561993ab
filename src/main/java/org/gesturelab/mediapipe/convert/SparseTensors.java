package org.gesturelab.mediapipe.convert;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

import com.google.flatbuffers.Table;

import org.tensorflow.lite.schema.DimensionMetadata;
import org.tensorflow.lite.schema.DimensionType;
import org.tensorflow.lite.schema.Int32Vector;
import org.tensorflow.lite.schema.SparseIndexVector;
import org.tensorflow.lite.schema.SparsityParameters;
import org.tensorflow.lite.schema.Uint16Vector;
import org.tensorflow.lite.schema.Uint8Vector;

/**
 * Expands a TFLite sparse tensor (the input of a {@code DENSIFY} op) into a dense row-major array, following
 * TFLite's own format converter: each traversal level is DENSE (a size) or SPARSE_CSR (segments and indices), the
 * first levels walk the original dimensions in traversal order, and further levels walk blocks of the dimensions
 * named in the block map.
 */
final class SparseTensors {

    private SparseTensors() {
    }

    /**
     * Densifies values stored in traversal order.
     *
     * @param denseShape the tensor's dense shape
     * @param sparsity its sparsity parameters
     * @param values the stored (non-zero) values, in traversal order
     * @return the dense values, row-major
     */
    static float[] densify(int[] denseShape, SparsityParameters sparsity, float[] values) {
        int rank = denseShape.length;
        int levels = sparsity.traversalOrderLength();
        int[] traversalOrder = new int[levels];
        for (int i = 0; i < levels; i++) {
            traversalOrder[i] = sparsity.traversalOrder(i);
        }
        int[] blockMap = new int[sparsity.blockMapLength()];
        for (int i = 0; i < blockMap.length; i++) {
            blockMap[i] = sparsity.blockMap(i);
        }
        if (sparsity.dimMetadataLength() != levels || levels != rank + blockMap.length) {
            throw new IllegalArgumentException("Inconsistent sparsity: " + levels + " traversal levels, "
                    + sparsity.dimMetadataLength() + " dimension metadata, rank " + rank + ", "
                    + blockMap.length + " blocked dimensions");
        }
        Level[] metadata = new Level[levels];
        for (int i = 0; i < levels; i++) {
            metadata[i] = Level.of(sparsity.dimMetadata(i));
        }
        int[] blockSize = new int[blockMap.length];
        for (int i = 0; i < blockMap.length; i++) {
            blockSize[i] = metadata[rank + i].denseSize;
        }
        long size = 1;
        for (int d : denseShape) {
            size *= d;
        }
        float[] dense = new float[Math.toIntExact(size)];
        Walker walker = new Walker(denseShape, traversalOrder, blockMap, blockSize, metadata, values, dense);
        walker.populate(new int[levels], 0, 0);
        if (walker.next != values.length) {
            throw new IllegalArgumentException("Sparse tensor stores " + values.length + " values but its index "
                    + "describes " + walker.next);
        }
        return dense;
    }

    /** One traversal level: a dense size, or CSR segments and indices. */
    private record Level(boolean dense, int denseSize, int[] segments, int[] indices) {

        static Level of(DimensionMetadata metadata) {
            if (metadata.format() == DimensionType.DENSE) {
                return new Level(true, metadata.denseSize(), null, null);
            }
            return new Level(false, 0, indexVector(metadata, true), indexVector(metadata, false));
        }

        private static int[] indexVector(DimensionMetadata metadata, boolean segments) {
            byte type = segments ? metadata.arraySegmentsType() : metadata.arrayIndicesType();
            switch (type) {
                case SparseIndexVector.Int32Vector -> {
                    Int32Vector v = (Int32Vector) read(metadata, segments, new Int32Vector());
                    return toArray(v.valuesLength(), v::values);
                }
                case SparseIndexVector.Uint16Vector -> {
                    Uint16Vector v = (Uint16Vector) read(metadata, segments, new Uint16Vector());
                    return toArray(v.valuesLength(), v::values);
                }
                case SparseIndexVector.Uint8Vector -> {
                    Uint8Vector v = (Uint8Vector) read(metadata, segments, new Uint8Vector());
                    return toArray(v.valuesLength(), v::values);
                }
                default -> throw new IllegalArgumentException("Unknown sparse index vector type " + type);
            }
        }

        private static Table read(DimensionMetadata metadata, boolean segments, Table into) {
            return segments ? metadata.arraySegments(into) : metadata.arrayIndices(into);
        }

        private static int[] toArray(int length, IntUnaryOperator values) {
            int[] out = new int[length];
            Arrays.setAll(out, values);
            return out;
        }
    }

    /** The recursive walk of TFLite's {@code FormatConverter::Populate}. */
    private static final class Walker {
        private final int[] denseShape;
        private final int[] traversalOrder;
        private final int[] blockMap;
        private final int[] blockSize;
        private final Level[] levels;
        private final float[] values;
        private final float[] dense;
        private int next;

        Walker(int[] denseShape, int[] traversalOrder, int[] blockMap, int[] blockSize, Level[] levels,
                float[] values, float[] dense) {
            this.denseShape = denseShape;
            this.traversalOrder = traversalOrder;
            this.blockMap = blockMap;
            this.blockSize = blockSize;
            this.levels = levels;
            this.values = values;
            this.dense = dense;
        }

        void populate(int[] indices, int level, int previous) {
            if (level == indices.length) {
                store(indices);
                return;
            }
            Level current = levels[level];
            if (current.dense()) {
                for (int i = 0; i < current.denseSize(); i++) {
                    indices[level] = i;
                    populate(indices, level + 1, previous * current.denseSize() + i);
                }
            } else if (previous + 1 < current.segments().length) {
                for (int i = current.segments()[previous]; i < current.segments()[previous + 1]; i++) {
                    indices[level] = current.indices()[i];
                    populate(indices, level + 1, i);
                }
            }
        }

        private void store(int[] indices) {
            int rank = denseShape.length;
            int[] original = new int[rank];
            for (int i = 0; i < rank; i++) {
                original[traversalOrder[i]] = indices[i];
            }
            for (int i = rank; i < indices.length; i++) {
                int block = traversalOrder[i] - rank;
                int dimension = blockMap[block];
                original[dimension] = original[dimension] * blockSize[block] + indices[i];
            }
            int flat = 0;
            for (int d = 0; d < rank; d++) {
                flat = flat * denseShape[d] + original[d];
            }
            if (next >= values.length) {
                throw new IllegalArgumentException("Sparse index describes more values than the tensor stores ("
                        + values.length + ")");
            }
            dense[flat] = values[next++];
        }
    }
}
