package dev.convlab.config.augment;

import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("equalize_histogram")
@Doc("DataVec's EqualizeHistTransform: spreads the grey levels (of a colour image: its luma, in YCrCb) over the full"
        + " range")
public record EqualizeHistogram(
        @Doc("chance that it is applied") @Default("1.0") double probability) implements DataVecTransform {
    public EqualizeHistogram {
        OpProbabilities.probability("probability", probability);
    }
}
