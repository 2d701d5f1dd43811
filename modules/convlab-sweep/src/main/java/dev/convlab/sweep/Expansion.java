package dev.convlab.sweep;

import java.util.List;

/** A sweep's trials in order, and what was left out on the way (points that repeat an earlier config). */
public record Expansion(List<Trial> trials, List<String> notes) {
    public Expansion {
        trials = List.copyOf(trials);
        notes = List.copyOf(notes);
    }
}
