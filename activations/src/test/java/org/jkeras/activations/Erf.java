package org.jkeras.activations;

/**
 * The error function in double precision (relative error around 1e-16, far below float resolution), for the
 * exact {@code gelu}. It follows the rational approximations of the Cephes library (S. L. Moshier, ndtr.c), the
 * routine behind {@code scipy.special.erf}, which Keras' numpy backend calls: erf(x) = x·T(x²)/U(x²) for
 * |x| ≤ 1, erfc(x) = e^(−x²)·P(x)/Q(x) for 1 ≤ x < 8 and e^(−x²)·R(x)/S(x) beyond.
 */
final class Erf {
    static final double[] T = {9.60497373987051638749E0, 9.00260197203842689217E1,
        2.23200534594684319226E3, 7.00332514112805075473E3, 5.55923013010394962768E4};
    static final double[] U = {3.35617141647503099647E1, 5.21357949780152679795E2,
        4.59432382970980127987E3, 2.26290000613890934246E4, 4.92673942608635921086E4}; // leading 1 implied
    static final double[] P = {2.46196981473530512524E-10, 5.64189564831068821977E-1,
        7.46321056442269912687E0, 4.86371970985681366614E1, 1.96520832956077098242E2, 5.26445194995477358631E2,
        9.34528527171957607540E2, 1.02755188689515710272E3, 5.57535335369399327526E2};
    static final double[] Q = {1.32281951154744992508E1, 8.67072140885989742329E1,
        3.54937778887819891062E2, 9.75708501743205489753E2, 1.82390916687909736289E3, 2.24633760818710981792E3,
        1.65666309194161350182E3, 5.57535340817727675546E2}; // leading 1 implied
    static final double[] R = {5.64189583547755073984E-1, 1.27536670759978104416E0,
        5.01905042251180477414E0, 6.16021097993053585195E0, 7.40974269950448939160E0, 2.97886665372100240670E0};
    static final double[] S = {2.26052863220117276590E0, 9.39603524938001434673E0,
        1.20489539808096656605E1, 1.70814450747565897222E1, 9.60896809063285878198E0, 3.36907645100081516050E0};

    private Erf() {
    }

    static double erf(double x) {
        if (Math.abs(x) > 1) return Math.copySign(1 - erfcAbove1(Math.abs(x)), x);
        double z = x * x;
        return x * poly(z, T) / poly1(z, U);
    }

    /** 1 − erf(x), accurate in relative terms for large x (where 1 − erf(x) would cancel). */
    static double erfc(double x) {
        if (Math.abs(x) < 1) return 1 - erf(x);
        double y = erfcAbove1(Math.abs(x));
        return x < 0 ? 2 - y : y;
    }

    /** erfc(a) for a ≥ 1 (or NaN); underflows to 0 beyond a ≈ 26.6, as erfc itself does. */
    private static double erfcAbove1(double a) {
        return Math.exp(-a * a) * (a < 8 ? poly(a, P) / poly1(a, Q) : poly(a, R) / poly1(a, S));
    }

    /** c[0]·xⁿ + … + c[n]. */
    private static double poly(double x, double[] c) {
        double y = c[0];
        for (int i = 1; i < c.length; i++) y = y * x + c[i];
        return y;
    }

    /** xⁿ + c[0]·xⁿ⁻¹ + … + c[n−1]. */
    private static double poly1(double x, double[] c) {
        double y = x + c[0];
        for (int i = 1; i < c.length; i++) y = y * x + c[i];
        return y;
    }
}
