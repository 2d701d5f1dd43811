package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/** Keras's CSVLogger. A resumed run continues its own file without repeating rows, whatever append says. */
@Doc("Keras's CSVLogger: one row per epoch (epoch, metrics, lr) in a CSV file")
public record CsvLogger(
        @Doc("the file, relative to the run directory") @Default("training.log") String filename,
        @Doc("the column separator") @Default("\",\"") String separator,
        @Doc("keep the rows already in the file when a new run starts (a resumed run always continues its file)")
        @Default("false") boolean append) {
    public CsvLogger {
        Checks.notBlank("filename", filename);
        if (separator.length() != 1 || separator.equals("\n") || separator.equals("\"")) {
            throw new InvalidValue("separator", "'" + separator + "' must be one character other than a quote or newline",
                    "use , or ; or a tab");
        }
    }
}
