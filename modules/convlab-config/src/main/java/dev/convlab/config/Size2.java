package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/**
 * A height-and-width pair, as Keras takes {@code kernel_size}, {@code strides} or {@code pool_size}: a single
 * whole number n means (n, n), a list [h, w] gives each.
 */
@Doc("a whole number n for (n, n), or a list [height, width]")
public record Size2(int height, int width) {
    public Size2 {
        if (height <= 0 || width <= 0) {
            throw new InvalidValue(null, "[" + height + ", " + width + "] must be positive", "use values of 1 or more");
        }
    }

    public static Size2 of(int n) {
        return new Size2(n, n);
    }

    public boolean isSquare() {
        return height == width;
    }

    @Override
    public String toString() {
        return isSquare() ? Integer.toString(height) : "[" + height + ", " + width + "]";
    }
}
