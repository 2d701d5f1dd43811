package dev.convlab.bench.data;

import dev.convlab.config.DataConfig;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Whether convlab's config has {@code data.augmentation} yet (a teammate is adding Keras-style augmentation). Asked
 * by reflection so the benchmark compiles and runs either way, and turns augmentation on as soon as it exists;
 * the settings themselves are passed as a YAML override, checked by convlab like any {@code --set}.
 */
final class Augmentation {
    /** The Keras tutorial's ImageDataGenerator for cats vs dogs ("Deep Learning with Python", 5.2). */
    static final String TUTORIAL = "{rotation_range: 40, width_shift_range: 0.2, height_shift_range: 0.2,"
            + " shear_range: 0.2, zoom_range: 0.2, horizontal_flip: true}";

    private Augmentation() {
    }

    static boolean available() {
        return Arrays.stream(DataConfig.class.getRecordComponents()).map(RecordComponent::getName)
                .anyMatch("augmentation"::equals);
    }
}
