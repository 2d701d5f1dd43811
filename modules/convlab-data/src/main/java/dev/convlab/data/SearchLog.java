package dev.convlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened at each place a dataset was looked for, in order, so that a failure can name every one of them in
 * a single message instead of the user discovering them one error at a time.
 */
final class SearchLog {
    private final List<String> entries = new ArrayList<>();

    void add(String place, String outcome) {
        entries.add(place + " (" + outcome + ")");
    }

    /** "1) a (x); 2) b (y)". */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(i + 1).append(") ").append(entries.get(i));
        }
        return text.toString();
    }
}
