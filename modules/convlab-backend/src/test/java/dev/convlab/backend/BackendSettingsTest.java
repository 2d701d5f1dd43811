package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BadInput;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreFastAndNdFourJsThreads() {
        BackendSettings s = BackendSettings.from(props(), Map.of());
        assertTrue(s.fast());
        assertEquals(OptionalInt.empty(), s.threads());
        assertEquals("default", s.threadsFrom());
        assertEquals(OptionalInt.empty(), s.blasThreads());
    }

    @Test
    void openBlasThreadsComeFromTheirOwnPropertyOrVariable() {
        assertEquals(OptionalInt.of(2), BackendSettings.from(props("convlab.blas_threads", "2"),
                Map.of("CONVLAB_BLAS_THREADS", "3")).blasThreads());
        BackendSettings s = BackendSettings.from(props(), Map.of("CONVLAB_BLAS_THREADS", "3", "OMP_NUM_THREADS", "4"));
        assertEquals(OptionalInt.of(3), s.blasThreads());
        assertEquals(OptionalInt.of(4), s.threads());
        assertEquals("CONVLAB_BLAS_THREADS", assertThrows(BadInput.class,
                () -> BackendSettings.from(props(), Map.of("CONVLAB_BLAS_THREADS", "all"))).where());
    }

    @Test
    void openBlasGetsOneThreadBesideOneDnnAndEveryThreadWithout() {
        BackendSettings byDefault = BackendSettings.from(props(), Map.of());
        assertEquals(OptionalInt.of(1), Backends.blasThreads(byDefault, true));
        // without oneDNN the convolutions are OpenBLAS products: ND4J's default (the thread count) stays
        assertEquals(OptionalInt.empty(), Backends.blasThreads(byDefault, false));
        BackendSettings asked = BackendSettings.from(props("convlab.blas_threads", "2"), Map.of());
        assertEquals(OptionalInt.of(2), Backends.blasThreads(asked, true));
        assertEquals(OptionalInt.of(2), Backends.blasThreads(asked, false));
    }

    @Test
    void eitherSwitchTurnsTheFastPathOff() {
        assertFalse(BackendSettings.from(props("convlab.fast", "false"), Map.of()).fast());
        assertFalse(BackendSettings.from(props(), Map.of("CONVLAB_FAST", "0")).fast());
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertTrue(BackendSettings.from(props("convlab.fast", "true"), Map.of("CONVLAB_FAST", "0")).fast());
        BackendSettings s = BackendSettings.from(props("convlab.threads", "3"), Map.of("OMP_NUM_THREADS", "8"));
        assertEquals(OptionalInt.of(3), s.threads());
        assertEquals("convlab.threads", s.threadsFrom());
    }

    @Test
    void ompNumThreadsIsReadWhenNoPropertyIsSet() {
        BackendSettings s = BackendSettings.from(props(), Map.of("OMP_NUM_THREADS", "4"));
        assertEquals(OptionalInt.of(4), s.threads());
        assertEquals("OMP_NUM_THREADS", s.threadsFrom());
    }

    @Test
    void badValuesAreBadInputNamingTheirSource() {
        BadInput e = assertThrows(BadInput.class,
                () -> BackendSettings.from(props(), Map.of("OMP_NUM_THREADS", "four")));
        assertEquals("OMP_NUM_THREADS", e.where());
        assertEquals("-Dconvlab.threads", assertThrows(BadInput.class,
                () -> BackendSettings.from(props("convlab.threads", "0"), Map.of())).where());
        assertEquals("CONVLAB_FAST", assertThrows(BadInput.class,
                () -> BackendSettings.from(props(), Map.of("CONVLAB_FAST", "maybe"))).where());
    }
}
