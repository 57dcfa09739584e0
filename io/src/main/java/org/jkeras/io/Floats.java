package org.jkeras.io;

/** Number syntax shared by the text formats. */
final class Floats {
    private Floats() {}

    /**
     * A decimal number, or nan / inf / infinity in any case with an optional sign as NumPy and Python's json
     * accept. Stricter than {@link Float#parseFloat}, which would also take "1f" or hexadecimal.
     */
    static float parse(String s) {
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (body.equalsIgnoreCase("nan")) return Float.NaN;
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return s.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        for (int i = 0; i < s.length(); i++) {
            if ("0123456789.eE+-".indexOf(s.charAt(i)) < 0) throw new NumberFormatException(s);
        }
        // parsed straight to float: going through double could round twice
        return Float.parseFloat(s);
    }

    static boolean isNumber(String s) {
        try {
            parse(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
