package dev.convlab.report;

import java.util.Locale;

/** Text into HTML: escaping, and the number formats the report uses (NaN shows as a dash). */
final class Html {
    static final String ABSENT = "–";

    private Html() {
    }

    /** s with the five characters that mean something in HTML text or attribute values replaced by entities. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String decimal(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : ABSENT;
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", 100 * fraction) : ABSENT;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
