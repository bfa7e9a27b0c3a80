package org.workbench.diagnostics;

/**
 * The biased autocovariance acov[t] = (1/n) sum_{i < n - t} (x_i - mean)(x_{i+t} - mean), all lags
 * at once through a zero-padded radix-2 FFT (O(n log n)), as Geyer (1992) and Stan use it.
 */
final class Autocovariance {
    private Autocovariance() {
    }

    /** All n lags of {@code x[offset .. offset + n)}; reads {@code x} only. */
    static double[] of(double[] x, int offset, int n) {
        int size = 1;
        while (size < 2 * n) {
            size <<= 1;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[offset + i];
        }
        mean /= n;
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < n; i++) {
            re[i] = x[offset + i] - mean;
        }
        fft(re, im, false);
        for (int k = 0; k < size; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0;
        }
        fft(re, im, true);
        double[] acov = new double[n];
        for (int t = 0; t < n; t++) {
            acov[t] = re[t] / size / n;
        }
        return acov;
    }

    /** In-place iterative radix-2 FFT (unnormalised both ways); modifies {@code re} and {@code im}. */
    private static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wRe = Math.cos(angle);
            double wIm = Math.sin(angle);
            int half = len >> 1;
            for (int start = 0; start < n; start += len) {
                double cRe = 1;
                double cIm = 0;
                for (int k = 0; k < half; k++) {
                    int a = start + k;
                    int b = a + half;
                    double tRe = re[b] * cRe - im[b] * cIm;
                    double tIm = re[b] * cIm + im[b] * cRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double nextRe = cRe * wRe - cIm * wIm;
                    cIm = cRe * wIm + cIm * wRe;
                    cRe = nextRe;
                }
            }
        }
    }
}
