package dev.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** data.classes: images of the kept classes only, in file order, relabelled by their place in the list. */
class ClassSubsetTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Test
    void keepsTheListedClassesRenumberedInTheListsOrder() {
        // six 1x2 images: pixel values 10*i, 10*i+1; labels 7, 5, 3, 5, 9, 7
        byte[] pixels = new byte[12];
        for (int i = 0; i < 12; i++) {
            pixels[i] = (byte) (10 * (i / 2) + i % 2);
        }
        ByteImages images = new ByteImages(pixels, new byte[] {7, 5, 3, 5, 9, 7}, new ImageShape(1, 2, 1));
        int[] map = ClassSubset.mapping(DIGITS, List.of("7", "5"));
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, 1, -1, 0, -1, -1}, map);
        ByteImages kept = ClassSubset.keep(images, map);
        // images 0, 1, 3, 5 remain; 7 -> 0, 5 -> 1
        assertArrayEquals(new byte[] {0, 1, 1, 0}, kept.labels());
        assertArrayEquals(new byte[] {0, 1, 10, 11, 30, 31, 50, 51}, kept.pixels());
    }

    @Test
    void anUnknownClassNamesItsPlaceInTheList() {
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> ClassSubset.mapping(DIGITS, List.of("5", "x")));
        assertEquals("data.classes[1]", p.where());
    }
}
