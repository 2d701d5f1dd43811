package dev.convlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends one measurement as one JSON line. One short append per process (under the pipe-buffer size), so lines
 * from runs that follow each other never interleave; the same format is written by torch_bench.py.
 */
public final class ResultLine {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultLine() {
    }

    public static void append(Path file, Map<String, Object> result) {
        try {
            String line = MAPPER.writeValueAsString(result) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.print("result: " + line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** NaN and infinities are not JSON numbers. */
    public static Object number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
