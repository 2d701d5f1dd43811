package dev.convlab.viz;

/**
 * Gradient ascent in input space: from a start image, repeatedly step along the objective's gradient, normalised
 * as Keras's example normalises it ({@code g / (sqrt(mean(g^2)) + 1e-5)}), so each step moves the pixels by about
 * {@code step} grey levels (root mean square). Class outputs add mild regularisation so the result stays an image:
 * each step pulls the image a fraction {@code decay} back towards grey (L2 decay), and every {@code blurEvery} steps
 * a small Gaussian blur removes the high-frequency noise a plain ascent grows.
 *
 * @param steps     iterations
 * @param step      step length in grey levels (of 0..255)
 * @param decay     fraction of the distance to grey removed after each step (0: none)
 * @param blurEvery blur every this many steps (0: never)
 * @param blurSigma standard deviation of the 3x3 Gaussian blur, in pixels
 */
public record GradientAscent(int steps, double step, double decay, int blurEvery, double blurSigma) {
    /** Filters: Keras's example, 40 plain steps, of 5 grey levels where Keras takes 1 (too short for small nets). */
    public static final GradientAscent FILTERS = new GradientAscent(40, 5.0, 0, 0, 0);
    /** Class outputs: longer, with decay and blur. */
    public static final GradientAscent CLASSES = new GradientAscent(100, 5.0, 0.01, 4, 0.5);

    public GradientAscent {
        if (steps < 0 || step < 0 || decay < 0 || decay >= 1 || blurEvery < 0 || blurSigma < 0) {
            throw new IllegalArgumentException("bad gradient ascent settings: steps " + steps + ", step " + step
                    + ", decay " + decay + ", blurEvery " + blurEvery + ", blurSigma " + blurSigma);
        }
    }

    public GradientAscent withSteps(int n) {
        return new GradientAscent(n, step, decay, blurEvery, blurSigma);
    }

    /**
     * The image found, CHW in the network's input space; the objective at the start and at the end; and whether
     * the gradient was zero everywhere at the start (a filter that no grey image excites: nothing to climb).
     */
    public record Result(double[] image, double startValue, double endValue, boolean flatAtStart) {
    }

    public Result run(InputGradient gradient, Objective objective, InputSpace space, double[] start) {
        double[] x = start.clone();
        double[] grey = space.grey();
        int channels = space.shape().channels();
        int height = space.shape().height();
        int width = space.shape().width();
        double startValue = Double.NaN;
        boolean flat = false;
        for (int s = 0; s < steps; s++) {
            InputGradient.Step at = gradient.at(space.batch(x), objective);
            double[] g = space.chw(at.gradient());
            double rms = rms(g);
            if (s == 0) {
                startValue = at.value();
                flat = rms == 0;
            }
            double k = step * space.unit() / (rms + 1e-5);
            for (int i = 0; i < x.length; i++) {
                x[i] += k * g[i];
                if (decay > 0) {
                    x[i] = grey[i] + (x[i] - grey[i]) * (1 - decay);
                }
            }
            if (blurEvery > 0 && (s + 1) % blurEvery == 0) {
                blur(x, channels, height, width, blurSigma);
            }
        }
        double endValue = gradient.at(space.batch(x), objective).value();
        if (steps == 0) {
            startValue = endValue;
        }
        return new Result(x, startValue, endValue, flat);
    }

    static double rms(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s / g.length);
    }

    /** A separable 3x3 Gaussian blur of each channel in place, edges repeated. */
    static void blur(double[] x, int channels, int height, int width, double sigma) {
        if (sigma <= 0) {
            return;
        }
        double side = Math.exp(-1 / (2 * sigma * sigma));
        double norm = 1 + 2 * side;
        double a = side / norm;
        double b = 1 / norm;
        double[] tmp = new double[height * width];
        for (int c = 0; c < channels; c++) {
            int base = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int xx = 0; xx < width; xx++) {
                    int row = base + y * width;
                    tmp[y * width + xx] = a * x[row + Math.max(0, xx - 1)] + b * x[row + xx]
                            + a * x[row + Math.min(width - 1, xx + 1)];
                }
            }
            for (int y = 0; y < height; y++) {
                for (int xx = 0; xx < width; xx++) {
                    x[base + y * width + xx] = a * tmp[Math.max(0, y - 1) * width + xx] + b * tmp[y * width + xx]
                            + a * tmp[Math.min(height - 1, y + 1) * width + xx];
                }
            }
        }
    }
}
