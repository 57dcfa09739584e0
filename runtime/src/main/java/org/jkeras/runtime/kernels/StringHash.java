package org.jkeras.runtime.kernels;

/**
 * The string hashes of TensorFlow's {@code tf.strings.to_hash_bucket_fast} ({@code Fingerprint64}: FarmHash's
 * {@code farmhashna::Hash64}) and {@code tf.strings.to_hash_bucket_strong} (SipHash-2-4 keyed with two 64-bit
 * words), over raw bytes, little-endian, unsigned 64-bit arithmetic in Java longs. A bucket is the hash modulo the
 * bucket count, unsigned.
 */
public final class StringHash {
    private static final long K0 = 0xc3a5c85c97cb3127L, K1 = 0xb492b66fbe98f273L, K2 = 0x9ae16a3b2f90404fL;

    private StringHash() {
    }

    /** {@code tf.strings.to_hash_bucket_fast(s, buckets)}. */
    public static long bucketFast(byte[] s, long buckets) {
        return Long.remainderUnsigned(fingerprint64(s), buckets);
    }

    /** {@code tf.strings.to_hash_bucket_strong(s, buckets, key=[k0, k1])}. */
    public static long bucketStrong(byte[] s, long buckets, long k0, long k1) {
        return Long.remainderUnsigned(sipHash24(k0, k1, s), buckets);
    }

    /** FarmHash {@code Fingerprint64} ({@code farmhashna::Hash64}). */
    public static long fingerprint64(byte[] s) {
        int len = s.length;
        if (len <= 16) return hashLen0to16(s, len);
        if (len <= 32) return hashLen17to32(s, len);
        if (len <= 64) return hashLen33to64(s, len);
        long seed = 81;
        long x = seed, y = seed * K1 + 113, z = shiftMix(y * K2 + 113) * K2;
        long v0 = 0, v1 = 0, w0 = 0, w1 = 0;
        x = x * K2 + fetch64(s, 0);
        int end = ((len - 1) / 64) * 64;
        int last64 = end + ((len - 1) & 63) - 63;
        int p = 0;
        long[] pair = new long[2];
        do {
            x = Long.rotateRight(x + y + v0 + fetch64(s, p + 8), 37) * K1;
            y = Long.rotateRight(y + v1 + fetch64(s, p + 48), 42) * K1;
            x ^= w1;
            y += v0 + fetch64(s, p + 40);
            z = Long.rotateRight(z + w0, 33) * K1;
            weak32(s, p, v1 * K1, x + w0, pair);
            v0 = pair[0];
            v1 = pair[1];
            weak32(s, p + 32, z + w1, y + fetch64(s, p + 16), pair);
            w0 = pair[0];
            w1 = pair[1];
            long t = z;
            z = x;
            x = t;
            p += 64;
        } while (p != end);
        long mul = K1 + ((z & 0xff) << 1);
        p = last64;
        w0 += (len - 1) & 63;
        v0 += w0;
        w0 += v0;
        x = Long.rotateRight(x + y + v0 + fetch64(s, p + 8), 37) * mul;
        y = Long.rotateRight(y + v1 + fetch64(s, p + 48), 42) * mul;
        x ^= w1 * 9;
        y += v0 * 9 + fetch64(s, p + 40);
        z = Long.rotateRight(z + w0, 33) * mul;
        weak32(s, p, v1 * mul, x + w0, pair);
        v0 = pair[0];
        v1 = pair[1];
        weak32(s, p + 32, z + w1, y + fetch64(s, p + 16), pair);
        w0 = pair[0];
        w1 = pair[1];
        long t = z;
        z = x;
        x = t;
        return hashLen16(hashLen16(v0, w0, mul) + shiftMix(y) * K0 + z, hashLen16(v1, w1, mul) + x, mul);
    }

    private static long hashLen0to16(byte[] s, int len) {
        if (len >= 8) {
            long mul = K2 + len * 2L;
            long a = fetch64(s, 0) + K2, b = fetch64(s, len - 8);
            long c = Long.rotateRight(b, 37) * mul + a, d = (Long.rotateRight(a, 25) + b) * mul;
            return hashLen16(c, d, mul);
        }
        if (len >= 4) {
            long mul = K2 + len * 2L;
            long a = fetch32(s, 0);
            return hashLen16(len + (a << 3), fetch32(s, len - 4), mul);
        }
        if (len > 0) {
            int a = s[0] & 0xff, b = s[len >> 1] & 0xff, c = s[len - 1] & 0xff;
            long y = (a + (b << 8)) & 0xffffffffL, z = len + ((long) c << 2);
            return shiftMix(y * K2 ^ z * K0) * K2;
        }
        return K2;
    }

    private static long hashLen17to32(byte[] s, int len) {
        long mul = K2 + len * 2L;
        long a = fetch64(s, 0) * K1, b = fetch64(s, 8), c = fetch64(s, len - 8) * mul, d = fetch64(s, len - 16) * K2;
        return hashLen16(Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d, a + Long.rotateRight(b + K2, 18) + c, mul);
    }

    private static long hashLen33to64(byte[] s, int len) {
        long mul = K2 + len * 2L;
        long a = fetch64(s, 0) * K2, b = fetch64(s, 8), c = fetch64(s, len - 8) * mul, d = fetch64(s, len - 16) * K2;
        long y = Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d;
        long z = hashLen16(y, a + Long.rotateRight(b + K2, 18) + c, mul);
        long e = fetch64(s, 16) * mul, f = fetch64(s, 24);
        long g = (y + fetch64(s, len - 32)) * mul, h = (z + fetch64(s, len - 24)) * mul;
        return hashLen16(Long.rotateRight(e + f, 43) + Long.rotateRight(g, 30) + h, e + Long.rotateRight(f + a, 18) + g, mul);
    }

    /** {@code WeakHashLen32WithSeeds} of the 32 bytes at {@code p}, seeds a and b, into {@code out}. */
    private static void weak32(byte[] s, int p, long a, long b, long[] out) {
        long w = fetch64(s, p), x = fetch64(s, p + 8), y = fetch64(s, p + 16), z = fetch64(s, p + 24);
        a += w;
        b = Long.rotateRight(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += Long.rotateRight(a, 44);
        out[0] = a + z;
        out[1] = b + c;
    }

    private static long hashLen16(long u, long v, long mul) {
        long a = (u ^ v) * mul;
        a ^= a >>> 47;
        long b = (v ^ a) * mul;
        b ^= b >>> 47;
        return b * mul;
    }

    private static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }

    private static long fetch64(byte[] s, int p) {
        long r = 0;
        for (int i = 7; i >= 0; i--) r = (r << 8) | (s[p + i] & 0xff);
        return r;
    }

    private static long fetch32(byte[] s, int p) {
        return (s[p] & 0xffL) | (s[p + 1] & 0xffL) << 8 | (s[p + 2] & 0xffL) << 16 | (s[p + 3] & 0xffL) << 24;
    }

    /** SipHash-2-4 of {@code s} with key {@code (k0, k1)}. */
    public static long sipHash24(long k0, long k1, byte[] s) {
        long[] v = {0x736f6d6570736575L ^ k0, 0x646f72616e646f6dL ^ k1, 0x6c7967656e657261L ^ k0, 0x7465646279746573L ^ k1};
        int full = s.length & ~7;
        for (int p = 0; p < full; p += 8) compress(v, fetch64(s, p));
        long last = ((long) s.length & 0xff) << 56; // the remaining bytes, the length's low byte on top
        for (int i = full; i < s.length; i++) last |= (s[i] & 0xffL) << (8 * (i - full));
        compress(v, last);
        v[2] ^= 0xff;
        sipRounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void compress(long[] v, long m) {
        v[3] ^= m;
        sipRounds(v, 2);
        v[0] ^= m;
    }

    private static void sipRounds(long[] v, int n) {
        for (int r = 0; r < n; r++) {
            v[0] += v[1]; v[1] = Long.rotateLeft(v[1], 13); v[1] ^= v[0]; v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[3]; v[3] = Long.rotateLeft(v[3], 16); v[3] ^= v[2];
            v[0] += v[3]; v[3] = Long.rotateLeft(v[3], 21); v[3] ^= v[0];
            v[2] += v[1]; v[1] = Long.rotateLeft(v[1], 17); v[1] ^= v[2]; v[2] = Long.rotateLeft(v[2], 32);
        }
    }
}
