package dev.convlab.data;

import dev.convlab.config.BadInput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Class names as folder names that every file system and shell takes: each character other than an ASCII letter,
 * digit, '-', '_' or '.' becomes '_' ("T-shirt/top" is "T-shirt_top", "Ankle boot" is "Ankle_boot"), a leading
 * '.' becomes '_' (a hidden folder is never a class), and Windows's reserved device names get a trailing '_'.
 */
final class FolderNames {
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FolderNames() {
    }

    static String of(String className) {
        StringBuilder name = new StringBuilder(className.length());
        className.codePoints().forEach(c -> name.append(
                c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? (char) c : '_'));
        if (name.isEmpty()) {
            return "_";
        }
        if (name.charAt(0) == '.') {
            name.setCharAt(0, '_');
        }
        String base = name.toString();
        int dot = base.indexOf('.');
        String stem = dot < 0 ? base : base.substring(0, dot);
        return WINDOWS_RESERVED.contains(stem.toLowerCase(Locale.ROOT)) ? base + "_" : base;
    }

    /** The folder name of every class, refusing two classes that would share a folder (or differ only in case). */
    static List<String> of(List<String> classNames) {
        List<String> names = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (String className : classNames) {
            String name = of(className);
            String clash = taken.put(name.toLowerCase(Locale.ROOT), className);
            if (clash != null) {
                throw new BadInput(null, "classes '" + clash + "' and '" + className + "' would share the folder "
                        + name, "rename one of the classes");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
