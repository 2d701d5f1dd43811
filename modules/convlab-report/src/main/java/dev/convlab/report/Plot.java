package dev.convlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;

/**
 * What the pictures share: colours, fonts (the logical "SansSerif", which any JDK maps to an installed font, so
 * drawing works headless), a white canvas and text placed by an anchor.
 */
final class Plot {
    /** Training series: matplotlib's first colour. No other drawing and no CSS uses it, so tests can look for it. */
    static final Color TRAINING = new Color(0x1f77b4);
    /** Validation series: matplotlib's second colour, likewise used for nothing else. */
    static final Color VALIDATION = new Color(0xff7f0e);
    /** A wrong prediction's caption. */
    static final Color WRONG = new Color(0xd62728);
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color FRAME = new Color(0x999999);
    static final Color GRID = new Color(0xe8e8e8);

    /** Measures text as {@link #canvas} draws it: antialiased, fractional metrics. */
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private Plot() {
    }

    static Font sans(int style, float size) {
        return new Font(Font.SANS_SERIF, style, 12).deriveFont(size);
    }

    /** A white RGB image and its graphics, antialiased (greyscale text, so text adds no colour fringes). */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setStroke(new BasicStroke(1f));
        return g;
    }

    static BufferedImage image(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    static double width(Font font, String s) {
        return font.getStringBounds(s, MEASURE).getWidth();
    }

    /** Ascent + descent: the height {@link #text} aligns with. */
    static double height(Font font) {
        LineMetrics m = font.getLineMetrics("Ag", MEASURE);
        return m.getAscent() + m.getDescent();
    }

    /**
     * Draws s so that the point (x, y) is at fraction (ax, ay) of its box: (0, 0) top left, (0.5, 0.5) centre,
     * (1, 1) bottom right. The box is the advance width by ascent + descent.
     */
    static void text(Graphics2D g, String s, double x, double y, double ax, double ay) {
        FontMetrics m = g.getFontMetrics();
        double w = m.getStringBounds(s, g).getWidth();
        double h = m.getAscent() + m.getDescent();
        g.drawString(s, (float) (x - ax * w), (float) (y - ay * h + m.getAscent()));
    }

    /** s, cut and ended with an ellipsis if it is wider than maxWidth in font. */
    static String fit(Font font, String s, double maxWidth) {
        if (width(font, s) <= maxWidth) {
            return s;
        }
        int end = s.length();
        while (end > 0 && width(font, s.substring(0, end) + "…") > maxWidth) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /**
     * s, its middle replaced by an ellipsis if it is wider than maxWidth: class names often differ only at the end
     * ("... number 19"), so both ends are kept.
     */
    static String fitMiddle(Font font, String s, double maxWidth) {
        if (width(font, s) <= maxWidth) {
            return s;
        }
        for (int keep = s.length() - 1; keep > 0; keep--) {
            String cut = s.substring(0, (keep + 1) / 2) + "…" + s.substring(s.length() - keep / 2);
            if (width(font, cut) <= maxWidth) {
                return cut;
            }
        }
        return "…";
    }

    /** A small picture that only says something, for the cases with nothing to draw. */
    static BufferedImage message(String message) {
        Font font = sans(Font.PLAIN, 14);
        int w = (int) Math.ceil(width(font, message)) + 40;
        BufferedImage image = image(w, 48);
        Graphics2D g = canvas(image);
        g.setColor(FRAME);
        g.drawRect(0, 0, w - 1, 47);
        g.setFont(font);
        g.setColor(MUTED);
        text(g, message, w / 2.0, 24, 0.5, 0.5);
        g.dispose();
        return image;
    }
}
