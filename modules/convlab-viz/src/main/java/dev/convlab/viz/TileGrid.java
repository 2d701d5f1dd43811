package dev.convlab.viz;

import dev.convlab.train.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Tiles in rows under a title, each scaled up by nearest neighbour (so a 7x7 map shows its 49 pixels as blocks,
 * not a blur) with its caption below. In a grid every tile has the same whole scale factor, the smallest that makes
 * the largest tile at least {@value #MIN_SIDE} pixels; in a row of {@link #sameSize} tiles each is scaled to the
 * same side, so maps of different layers can be compared.
 */
public final class TileGrid {
    /** The smallest side a grid's largest tile is scaled up to. */
    public static final int MIN_SIDE = 56;
    static final int PAD = 8;
    static final int TITLE_HEIGHT = 24;
    static final int CAPTION_HEIGHT = 16;
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color FRAME = new Color(0x999999);
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final String title;
    private final List<Tile> tiles;
    private final int columns;
    private final int side;

    private TileGrid(String title, List<Tile> tiles, int columns, int side) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one tile");
        }
        this.title = title;
        this.tiles = List.copyOf(tiles);
        this.columns = Math.max(1, Math.min(columns, tiles.size()));
        this.side = side;
    }

    /** A grid {@code columns} wide, every tile scaled by the same whole factor. */
    public static TileGrid of(String title, List<Tile> tiles, int columns) {
        return new TileGrid(title, tiles, columns, 0);
    }

    /** One row, each tile scaled (nearest neighbour) so that its longer side is {@code side} pixels. */
    public static TileGrid sameSize(String title, List<Tile> tiles, int side) {
        return new TileGrid(title, tiles, tiles.size(), side);
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return (tiles.size() + columns - 1) / columns;
    }

    /** The whole factor a grid's tiles are scaled by (1 for a same-size row). */
    public int scale() {
        if (side > 0) {
            return 1;
        }
        int largest = tiles.stream().mapToInt(t -> Math.max(t.height(), t.width())).max().orElse(1);
        return Math.max(1, (MIN_SIDE + largest - 1) / largest);
    }

    int shownWidth(Tile t) {
        return side > 0 ? Math.max(1, Math.round((float) t.width() * side / Math.max(t.height(), t.width())))
                : t.width() * scale();
    }

    int shownHeight(Tile t) {
        return side > 0 ? Math.max(1, Math.round((float) t.height() * side / Math.max(t.height(), t.width())))
                : t.height() * scale();
    }

    public BufferedImage draw() {
        Font captionFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        int cellWidth = 0;
        int cellImageHeight = 0;
        for (Tile t : tiles) {
            int captionWidth = (int) Math.ceil(captionFont.getStringBounds(t.caption(), MEASURE).getWidth());
            cellWidth = Math.max(cellWidth, Math.max(shownWidth(t) + 2, captionWidth));
            cellImageHeight = Math.max(cellImageHeight, shownHeight(t) + 2);
        }
        cellWidth += PAD;
        int cellHeight = cellImageHeight + CAPTION_HEIGHT + PAD / 2;
        int titleWidth = (int) Math.ceil(titleFont.getStringBounds(title, MEASURE).getWidth());
        int width = Math.max(PAD + columns * cellWidth, titleWidth + 2 * PAD);
        int height = TITLE_HEIGHT + rows() * cellHeight + PAD;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setFont(titleFont);
        g.setColor(TEXT);
        g.drawString(title, PAD, PAD + g.getFontMetrics().getAscent());
        g.setFont(captionFont);
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            int cellX = PAD / 2 + (i % columns) * cellWidth;
            int cellY = TITLE_HEIGHT + (i / columns) * cellHeight;
            int w = shownWidth(t);
            int h = shownHeight(t);
            int x = cellX + (cellWidth - w) / 2;
            int y = cellY + 1 + (cellImageHeight - 2 - h) / 2;
            g.drawImage(pixels(t), x, y, w, h, null);
            g.setColor(FRAME);
            g.drawRect(x - 1, y - 1, w + 1, h + 1);
            g.setColor(MUTED);
            int textWidth = g.getFontMetrics().stringWidth(t.caption());
            g.drawString(t.caption(), cellX + (cellWidth - textWidth) / 2,
                    cellY + cellImageHeight + g.getFontMetrics().getAscent() + 1);
        }
        g.dispose();
        return image;
    }

    /** Draws the picture and writes it as a PNG (atomically: a reader never sees part of a file). */
    public void write(Path png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(draw(), "png", bytes)) {
            throw new IllegalStateException("this JDK has no PNG writer");
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }

    static BufferedImage pixels(Tile t) {
        BufferedImage image = new BufferedImage(t.width(), t.height(), BufferedImage.TYPE_INT_RGB);
        int plane = t.height() * t.width();
        float[] p = t.pixels();
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                int i = y * t.width() + x;
                int r = level(p[i]);
                int gr = t.channels() == 3 ? level(p[plane + i]) : r;
                int b = t.channels() == 3 ? level(p[2 * plane + i]) : r;
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    private static int level(float v) {
        return Float.isFinite(v) ? Math.round(Math.max(0, Math.min(255, v))) : 0;
    }
}
