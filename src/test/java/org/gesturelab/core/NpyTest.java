package org.gesturelab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.gesturelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void writeThenReadRoundTrips(@TempDir Path dir) throws IOException {
        float[][] rows = {{1f, 2f, 3f}, {4f, 5f, -6.5f}};
        Path file = dir.resolve("a.npy");
        Npy.write(file, rows);
        Npy.Array array = Npy.read(file);
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(rows[1], array.toMatrix()[1]);
        assertEquals(0, (Files.size(file) - 24) % 64, "header is padded to 64 bytes");
    }

    @Test
    void readsBigEndianFloat64FortranOrder() throws IOException {
        // A 2x3 array [[1,2,3],[4,5,6]] stored column by column as big-endian doubles.
        double[] fortran = {1, 4, 2, 5, 3, 6};
        ByteBuffer body = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
        for (double v : fortran) {
            body.putDouble(v);
        }
        byte[] file = npy("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", body.array());
        Npy.Array array = Npy.read(new ByteArrayInputStream(file), "f.npy");
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, array.data());
    }

    @Test
    void refusesTruncatedAndForeignData() {
        byte[] good = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new byte[16]);
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            GestureLabException e = assertThrows(GestureLabException.class,
                    () -> Npy.read(new ByteArrayInputStream(truncated), "t.npy"), "cut at " + cut);
            assertTrue(e.getMessage().contains("t.npy"), e.getMessage());
        }
        byte[] ints = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", new byte[16]);
        assertThrows(GestureLabException.class, () -> Npy.read(new ByteArrayInputStream(ints), "i.npy"));
    }

    @Test
    void garbageNeverEscapesAsAnUncheckedSurprise() {
        Random random = new Random(7);
        byte[] good = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", new byte[24]);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] mutated = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                Npy.read(new ByteArrayInputStream(mutated), "m.npy");
            } catch (GestureLabException expected) {
                // refused with a message: fine
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("trial " + trial + " escaped as " + e, e);
            }
        }
    }

    @Test
    void readsTheSharedAslData() throws IOException {
        Path frame = SharedData.require("asl6-holistic/MP_Data/hello/0/0.npy");
        Npy.Array array = Npy.read(frame);
        assertArrayEquals(new int[] {1662}, array.shape());
    }

    private static byte[] npy(String dict, byte[] body) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
