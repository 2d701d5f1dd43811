package dev.convlab.train;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's top table, from manifest.json: status, backend, seed, when and how long, data, versions. A key the
 * manifest lacks (an older or interrupted run) is left out rather than shown as a guess.
 */
final class RunFacts {
    private RunFacts() {
    }

    static List<String[]> of(Map<String, Object> manifest) {
        List<String[]> facts = new ArrayList<>();
        add(facts, "status", manifest.get("status"));
        if (manifest.get("backend") instanceof Map<?, ?> b) {
            add(facts, "backend", b.get("backend") == null ? null
                    : b.get("backend").toString().toLowerCase(Locale.ROOT));
            add(facts, "native build", b.get("native_variant_loaded"));
            if (b.get("onednn_helpers") instanceof Boolean on) {
                add(facts, "oneDNN helpers", on ? "on" : "off");
            }
            add(facts, "threads", b.get("threads"));
        }
        add(facts, "seed", manifest.get("seed"));
        add(facts, "started", toSeconds(manifest.get("started")));
        add(facts, "finished", toSeconds(manifest.get("finished")));
        String duration = duration(manifest.get("started"), manifest.get("finished"));
        if (duration != null && manifest.get("resumed") instanceof List<?> resumes && !resumes.isEmpty()) {
            duration += " (resumed " + resumes.size() + (resumes.size() == 1 ? " time" : " times")
                    + "; includes the time in between)";
        }
        add(facts, "duration", duration);
        if (manifest.get("epochs_completed") != null && manifest.get("epochs_planned") != null) {
            add(facts, "epochs", manifest.get("epochs_completed") + " of " + manifest.get("epochs_planned"));
        }
        if (manifest.get("data") instanceof Map<?, ?> d) {
            add(facts, "data", d.get("description"));
        }
        if (manifest.get("versions") instanceof Map<?, ?> v) {
            add(facts, "versions", "convlab " + v.get("convlab") + ", Deeplearning4j " + v.get("deeplearning4j"));
        }
        return facts;
    }

    private static void add(List<String[]> facts, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            facts.add(new String[] {key, value.toString()});
        }
    }

    /** An ISO instant without its fraction of a second; anything else as it is. */
    private static Object toSeconds(Object instant) {
        try {
            return instant == null ? null : Instant.parse(instant.toString()).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** "1 h 02 min", "3 min 07 s", "42.3 s"; null when either end is missing or unreadable. */
    static String duration(Object started, Object finished) {
        if (started == null || finished == null) {
            return null;
        }
        try {
            Duration d = Duration.between(Instant.parse(started.toString()), Instant.parse(finished.toString()));
            if (d.isNegative()) {
                return null;
            }
            long s = d.getSeconds();
            if (s >= 3600) {
                return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
            }
            if (s >= 60) {
                return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
            }
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
