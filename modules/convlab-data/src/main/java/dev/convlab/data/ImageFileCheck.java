package dev.convlab.data;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.global.lept;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.global.opencv_imgcodecs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

/**
 * Can one file be read as an image the way training will read it? The answer is null (yes) or the reason it cannot,
 * for people: empty, truncated, not an image, an unsupported depth or channel count, undecodable.
 *
 * <p>The file is decoded as DataVec's NativeImageLoader decodes it (OpenCV with IMREAD_ANYDEPTH|IMREAD_ANYCOLOR,
 * Leptonica when OpenCV cannot), so a file passes here exactly when training can read it. Truncation is checked
 * on the bytes first, because libjpeg decodes a JPEG that stops early without an error, filling the missing part
 * with grey; PIL, which Keras reads with, refuses such a file.
 */
final class ImageFileCheck {
    /** What NativeImageLoader passes to imdecode. */
    private static final int NATIVE_LOADER_FLAGS = opencv_imgcodecs.IMREAD_ANYDEPTH | opencv_imgcodecs.IMREAD_ANYCOLOR;

    private ImageFileCheck() {
    }

    /** Null when the file decodes to an image convlab reads, else why not. */
    static String problem(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return "missing: no such file";
        } catch (IOException e) {
            return "cannot be read: " + Downloader.reason(e);
        }
        if (bytes.length == 0) {
            return "empty (0 bytes)";
        }
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            return "not an image: " + describeContent(bytes);
        }
        String truncated = format.truncation(bytes);
        if (truncated != null) {
            return "truncated: " + truncated;
        }
        return decodeProblem(bytes, format);
    }

    private static String decodeProblem(byte[] bytes, ImageFormat format) {
        try (Mat encoded = new Mat(bytes, false); Mat image = opencv_imgcodecs.imdecode(encoded, NATIVE_LOADER_FLAGS)) {
            if (image == null || image.empty()) {
                return leptonicaReads(bytes) ? null : "damaged: the " + format.displayName + " data cannot be decoded";
            }
            int depth = image.depth();
            if (depth != CV_8U && depth != CV_16U) {
                return "unsupported depth: " + depthName(depth) + " pixels (convlab reads 8- and 16-bit images)";
            }
            int channels = image.channels();
            if (channels != 1 && channels != 3 && channels != 4) {
                return "unsupported channels: " + channels + " (convlab reads grey, RGB and RGBA images)";
            }
            return null;
        } catch (RuntimeException e) {
            return "damaged: the " + format.displayName + " data cannot be decoded (" + Downloader.reason(e) + ")";
        }
    }

    /** DataVec falls back to Leptonica when OpenCV cannot decode (GIF, for one). */
    private static boolean leptonicaReads(byte[] bytes) {
        try (BytePointer data = new BytePointer(bytes)) {
            PIX pix = lept.pixReadMem(data, bytes.length);
            if (pix == null) {
                return false;
            }
            lept.pixDestroy(pix);
            return true;
        }
    }

    static String depthName(int depth) {
        return switch (depth) {
            case CV_8U -> "8-bit";
            case CV_8S -> "signed 8-bit";
            case CV_16U -> "16-bit";
            case CV_16S -> "signed 16-bit";
            case CV_32S -> "32-bit integer";
            case CV_32F -> "32-bit floating-point";
            case CV_64F -> "64-bit floating-point";
            default -> "OpenCV depth " + depth;
        };
    }

    /** "it holds text: "hello, this is..."" or "it starts with bytes 50 4b 03 04 ...". */
    static String describeContent(byte[] bytes) {
        int n = Math.min(bytes.length, 64);
        String head = new String(bytes, 0, n, StandardCharsets.UTF_8);
        boolean text = head.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0x7F && c != 0xFFFD));
        if (text) {
            String line = head.strip().replaceAll("\\s+", " ");
            return "it holds text (\"" + (line.length() > 24 ? line.substring(0, 24) + "..." : line) + "\")";
        }
        return "its first bytes (" + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 8))
                + ") match no image format";
    }
}
