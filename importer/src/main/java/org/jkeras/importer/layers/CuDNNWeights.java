package org.jkeras.importer.layers;

/**
 * The cuDNN weight layout of Keras 2's {@code CuDNNLSTM} and {@code CuDNNGRU}, turned into the kernel layout of
 * {@code LSTM} and {@code GRU} as Keras 2 does when it loads such weights into them
 * ({@code _convert_rnn_weights}, from cuDNN): each gate's input kernel block (in, units) holds cuDNN's
 * (units, in) matrix in C order, so {@code K[i][j] = block[(i + j·in) / units][(i + j·in) % units]}; each gate's
 * recurrent block is transposed. Gates stay in Keras' order (i, f, c, o; z, r, h).
 */
final class CuDNNWeights {
    private CuDNNWeights() {
    }

    /** {@code k} (in, gates·units) from cuDNN's layout. */
    static float[] inputKernel(float[] k, int in, int units, int gates) {
        int w = gates * units;
        float[] out = new float[k.length];
        for (int g = 0; g < gates; g++) {
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < units; j++) {
                    int m = i + j * in; // C-order index into the gate's (in, units) block
                    out[i * w + g * units + j] = k[(m / units) * w + g * units + m % units];
                }
            }
        }
        return out;
    }

    /** {@code r} (units, gates·units) with each gate's (units, units) block transposed. */
    static float[] recurrentKernel(float[] r, int units, int gates) {
        int w = gates * units;
        float[] out = new float[r.length];
        for (int g = 0; g < gates; g++) {
            for (int i = 0; i < units; i++) {
                for (int j = 0; j < units; j++) out[i * w + g * units + j] = r[j * w + g * units + i];
            }
        }
        return out;
    }
}
