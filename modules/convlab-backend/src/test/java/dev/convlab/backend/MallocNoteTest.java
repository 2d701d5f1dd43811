package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The doctor and manifest note on glibc malloc: the launcher's settings as they are, or that there are none. */
class MallocNoteTest {
    @Test
    void namesTheSettingsInForce() {
        assertEquals("glibc malloc: MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0",
                BackendFacts.mallocNote(Map.of("MALLOC_MMAP_MAX_", "0", "MALLOC_ARENA_MAX", "1", "HOME", "/root")));
    }

    @Test
    void saysWhenThereAreNone() {
        assertTrue(BackendFacts.mallocNote(Map.of("HOME", "/root")).startsWith("glibc malloc at its defaults"));
    }
}
