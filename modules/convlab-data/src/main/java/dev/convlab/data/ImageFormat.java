package dev.convlab.data;

import java.nio.charset.StandardCharsets;

/**
 * The image formats DataVec's decoders read, recognised by their first bytes (as the decoders do: the extension
 * only selects which files are looked at), and for JPEG and PNG a check that the file is complete.
 */
enum ImageFormat {
    JPEG("JPEG"), PNG("PNG"), GIF("GIF"), BMP("BMP"), TIFF("TIFF"), WEBP("WebP"), PNM("PNM"), JPEG2000("JPEG 2000"),
    OPENEXR("OpenEXR");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JP2_SIGNATURE = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};

    final String displayName;

    ImageFormat(String displayName) {
        this.displayName = displayName;
    }

    /** The format the bytes start like, or null. */
    static ImageFormat sniff(byte[] b) {
        if (startsWith(b, PNG_SIGNATURE)) {
            return PNG;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a"))) {
            return GIF;
        }
        if (startsWith(b, ascii("BM")) && b.length >= 14) {
            return BMP;
        }
        if (startsWith(b, new byte[] {'I', 'I', 42, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 42})) {
            return TIFF;
        }
        if (startsWith(b, ascii("RIFF")) && b.length >= 12 && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return WEBP;
        }
        if (b.length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7' && Character.isWhitespace(b[2])) {
            return PNM;
        }
        if (startsWith(b, JP2_SIGNATURE) || startsWith(b, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51})) {
            return JPEG2000;
        }
        if (startsWith(b, new byte[] {0x76, 0x2F, 0x31, 0x01})) {
            return OPENEXR;
        }
        return null;
    }

    /** Why the file is incomplete, or null when it is complete (or this format is not checked). */
    String truncation(byte[] b) {
        return switch (this) {
            case JPEG -> jpegTruncation(b);
            case PNG -> pngTruncation(b);
            default -> null;
        };
    }

    /**
     * Walks the JPEG's marker segments to its end-of-image marker, as a decoder does: a segment's length is given,
     * entropy-coded data runs to the next marker. Stray bytes between segments are skipped as libjpeg skips them.
     */
    private static String jpegTruncation(byte[] b) {
        int pos = 2;
        while (true) {
            while (pos < b.length && (b[pos] & 0xFF) != 0xFF) {
                pos++; // not at a marker: skip, as libjpeg does (with a warning)
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= b.length) {
                return "the JPEG data stops after " + b.length + " bytes, before its end-of-image marker";
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0xD9) {
                return null;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a segment
            }
            if (pos + 2 > b.length) {
                return "the JPEG data stops after " + b.length + " bytes, inside a segment header";
            }
            int length = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            if (pos + length > b.length) {
                return "the JPEG data stops after " + b.length + " bytes, inside a segment of " + length + " bytes";
            }
            pos += length;
            if (marker == 0xDA) {
                pos = nextMarker(b, pos); // start of scan: entropy-coded data up to the next real marker
                if (pos < 0) {
                    return "the JPEG data stops after " + b.length + " bytes, inside the image data";
                }
            }
        }
    }

    /** The position of the next 0xFF that starts a marker (not a stuffed 0xFF00 or a restart marker), or -1. */
    private static int nextMarker(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Walks the PNG's chunks (length, type, data, CRC) to its IEND chunk. */
    private static String pngTruncation(byte[] b) {
        long pos = PNG_SIGNATURE.length;
        while (pos + 8 <= b.length) {
            long length = ((b[(int) pos] & 0xFFL) << 24) | ((b[(int) pos + 1] & 0xFFL) << 16)
                    | ((b[(int) pos + 2] & 0xFFL) << 8) | (b[(int) pos + 3] & 0xFFL);
            String type = new String(b, (int) pos + 4, 4, StandardCharsets.US_ASCII);
            long end = pos + 12 + length;
            if (end > b.length) {
                return "the PNG data stops after " + b.length + " bytes, inside its " + type + " chunk";
            }
            if (type.equals("IEND")) {
                return null;
            }
            pos = end;
        }
        return "the PNG data stops after " + b.length + " bytes, before its IEND chunk";
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
