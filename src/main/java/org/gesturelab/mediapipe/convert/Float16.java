package org.gesturelab.mediapipe.convert;

/** IEEE 754 half precision to single precision, which Java 17 lacks ({@code Float.float16ToFloat} came in 20). */
final class Float16 {

    private Float16() {
    }

    /**
     * Widens a half-precision value exactly.
     *
     * @param bits the 16 bits of the half-precision value
     * @return the same value as a float
     */
    static float toFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            // Infinity or NaN: keep the payload.
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal half: value = mantissa * 2^-24, exact in float.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
