package dev.convlab.backend.testing;

import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import java.util.Locale;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs {@link Backends#init} once per test JVM, before JUnit discovers or loads any test class, so no test can
 * touch ND4J first (a static initialiser, a parameter source, a field). Registered through
 * META-INF/services/org.junit.platform.launcher.LauncherSessionListener and shipped in convlab-backend's test-jar;
 * a module gets it by adding that test-jar as a test dependency. {@code -Dconvlab.test.backend=cpu|cuda|auto}
 * (default auto) picks the backend.
 */
public final class BackendSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String kind = System.getProperty("convlab.test.backend", "auto");
        Backends.init(BackendKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
    }
}
