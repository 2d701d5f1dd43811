package dev.convlab.sweep;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep: the base config with {@link #overrides()} applied.
 *
 * @param index     the point's position in the expansion, counted from 0: for a grid, in the cartesian product of
 *                  the grid's lists in the file's order, the last path varying fastest (as itertools.product);
 *                  for a random search, the draw. A point keeps its index when duplicates are dropped, so indices
 *                  may have gaps.
 * @param params    the searched values, path → value in the file's order (plain Java: Integer, Long, Double,
 *                  String, Boolean, null, List, Map)
 * @param overrides {@code path=value} lines in the syntax of {@code --set} and
 *                  {@code ConfigLoader.load(baseConfig, overrides)}: the sweep's common ones
 *                  ({@link SweepSpec#commonOverrides()}), then one per param
 * @param key       SHA-256 hex of the trial's resolved config ({@code LoadedConfig.hash()}): equal exactly when two
 *                  trials would train the same config, the same for the same point every time. For a config
 *                  that does not load (which {@link Trials#check} refuses) it is the SHA-256 of the overrides.
 */
public record Trial(int index, Map<String, Object> params, List<String> overrides, String key) {
    public Trial {
        params = PlainValues.frozenMap(params);
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(key, "key");
    }

    /** {@code trial 5 {data.batch_size: 16, training.epochs: 2}}. */
    public String describe() {
        return "trial " + index + " " + PlainValues.describe(params);
    }
}
