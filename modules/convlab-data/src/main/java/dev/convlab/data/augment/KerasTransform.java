package dev.convlab.data.augment;

/**
 * The parameters of one transform, as Keras's {@code ImageDataGenerator.apply_transform} takes them: {@code theta}
 * and {@code shear} in degrees, {@code tx} the shift along rows and {@code ty} along columns in pixels, {@code zx}
 * and {@code zy} the zoom of rows and columns, the flips, and the optional channel shift and brightness (null:
 * not applied).
 */
public record KerasTransform(double theta, double tx, double ty, double shear, double zx, double zy,
                             boolean flipHorizontal, boolean flipVertical, Double channelShiftIntensity,
                             Double brightness) {

    public static final KerasTransform IDENTITY = new KerasTransform(0, 0, 0, 0, 1, 1, false, false, null, null);

    public KerasTransform {
        for (double v : new double[] {theta, tx, ty, shear, zx, zy}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("transform parameters must be finite: " + v);
            }
        }
        if (channelShiftIntensity != null && !Double.isFinite(channelShiftIntensity)
                || brightness != null && !(brightness >= 0 && Double.isFinite(brightness))) {
            throw new IllegalArgumentException("channel shift must be finite and brightness a factor >= 0");
        }
    }

    /** Keras resamples only when one of the geometric parameters differs from its neutral value. */
    public boolean isGeometric() {
        return theta != 0 || tx != 0 || ty != 0 || shear != 0 || zx != 1 || zy != 1;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "theta=%.3f tx=%.3f ty=%.3f shear=%.3f zx=%.4f zy=%.4f%s%s%s%s",
                theta, tx, ty, shear, zx, zy, flipHorizontal ? " flip_horizontal" : "",
                flipVertical ? " flip_vertical" : "",
                channelShiftIntensity != null ? String.format(java.util.Locale.ROOT, " channel_shift=%.3f",
                        channelShiftIntensity) : "",
                brightness != null ? String.format(java.util.Locale.ROOT, " brightness=%.4f", brightness) : "");
    }
}
