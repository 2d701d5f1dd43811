package dev.convlab.bench.report;

import java.util.List;
import java.util.Map;

/** The data-wait section: one row per timed epoch, next to the in-memory training rate of the same network. */
final class DataWait {
    private DataWait() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> epochs(Map<String, Object> line) {
        Object e = line.get("epochs");
        return e instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The largest share over the epochs: the target must hold for every epoch. */
    static Double worstShare(Map<String, Object> line) {
        return epochs(line).stream().map(e -> Results.num(e, "wait_share")).filter(v -> v != null)
                .max(Double::compare).orElse(null);
    }

    static String section(Results r) {
        List<Map<String, Object>> lines = r.ofKind("data_wait");
        if (lines.isEmpty()) {
            return "Not measured in this run (see Failures).\n";
        }
        Map<String, Object> line = lines.get(lines.size() - 1);
        Double inMemory = r.rate("cats-dogs-cnn", "convlab", "train");
        Table t = new Table("epoch", "images", "batches", "epoch time", "waiting for data", "share",
                "of which first batch", "share after the first batch", "images/s", "vs in-memory training");
        int i = 1;
        for (Map<String, Object> e : epochs(line)) {
            Double epoch = Results.num(e, "epoch_seconds");
            Double wait = Results.num(e, "wait_seconds");
            Double first = Results.num(e, "first_batch_wait_seconds");
            Double afterFirst = epoch == null || wait == null || first == null ? null
                    : (wait - first) / (epoch - first);
            Double rate = Results.num(e, "images_per_s");
            t.row(Integer.toString(i++), Results.str(e, "images"), Results.str(e, "batches"), Fmt.seconds(epoch),
                    Fmt.seconds(wait), Fmt.percent(Results.num(e, "wait_share")), Fmt.seconds(first),
                    Fmt.percent(afterFirst), Fmt.rate(rate),
                    inMemory == null ? Fmt.NONE
                            : Fmt.rate(inMemory) + " (" + Fmt.percent(Results.ratio(rate, inMemory)) + ")");
        }
        return "Cats-vs-dogs CNN trained from a generated folder of " + Results.str(line, "train_images")
                + " 150x150 images (half JPEG, half PNG; two classes) through convlab's data path "
                + "(`Datasets.open`, image-folder: DataVec's ImageRecordReader), batch " + Results.str(line, "batch")
                + ", prefetch " + Results.str(line, "prefetch") + " batches (AsyncDataSetIterator, as EpochLoop). "
                + "Augmentation: " + Results.str(line, "augmentation") + ". Opening the data (folder scan and "
                + "convlab's check of every file) took " + Fmt.seconds(Results.num(line, "open_seconds"))
                + ", once per run, before the first epoch.\n\n" + t
                + "\n\"Waiting\" is the time the training thread spent blocked in the iterator's hasNext()/next(). "
                + "The decoding thread shares the CPU with training, so its cost also shows as a lower images/s than "
                + "training on in-memory batches (last column).\n";
    }
}
