package dev.convlab.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress: a bar redrawn in place on a terminal, one plain line per epoch otherwise (CI logs, pipes),
 * so logs stay readable and terminals stay lively.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;

    public Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A terminal is a console that is not CI and not dumb. */
    public static boolean isTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("CI") == null && term != null && !term.equals("dumb");
    }

    public void step(int epoch, int epochs, long done, long total, double loss, double accuracy, double seconds) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = total > 0 ? (int) (WIDTH * done / total) : 0;
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 && done < total ? ">" : filled > 0 ? "=" : "")
                + " ".repeat(WIDTH - filled);
        double rate = seconds > 0 ? done / seconds : 0;
        double eta = rate > 0 ? (total - done) / rate : 0;
        out.printf(Locale.ROOT, "\rEpoch %d/%d [%s] %d/%d - %.0f img/s - ETA %s - loss %.4f - accuracy %.4f ", epoch,
                epochs, bar, done, total, rate, clock(eta), loss, accuracy);
        out.flush();
    }

    public void epochEnd(int epochs, EpochResult r) {
        if (terminal) {
            out.print("\r\033[K");
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - %.1fs - %.0f img/s - loss %.4f"
                + " - accuracy %.4f", r.epoch(), epochs, r.seconds(), r.examples() / Math.max(r.seconds(), 1e-9),
                r.loss(), r.accuracy()));
        if (r.hasValidation()) {
            line.append(String.format(Locale.ROOT, " - val_loss %.4f - val_accuracy %.4f", r.valLoss(), r.valAccuracy()));
        }
        out.println(line);
        out.flush();
    }

    public void message(String text) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(text);
        out.flush();
    }

    /** m:ss, or h:mm:ss from an hour on. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
