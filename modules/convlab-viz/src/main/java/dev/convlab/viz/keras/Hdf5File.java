package dev.convlab.viz.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5O_TYPE_DATASET;
import static org.bytedeco.hdf5.global.hdf5.H5O_TYPE_GROUP;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;
import static org.bytedeco.hdf5.global.hdf5.H5Treclaim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An HDF5 file opened read-only, with what reading Keras files takes: attributes that are strings (fixed-length, as
 * h5py 2 wrote them, or variable-length, as h5py 3 does; one or an array), the groups and data sets in a group, and
 * a data set as a float array. Paths are slash-separated from the root ({@code ""} or {@code "/"} is the root).
 * The HDF5 library is not thread-safe: every call holds DL4J's HDF5 lock, which its Keras import holds too.
 */
final class Hdf5File implements AutoCloseable {
    /** The 8 bytes every HDF5 file starts with (at offset 0, or 512, 1024, ... after a user block). */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final Object LOCK = Hdf5Archive.LOCK_OBJECT;
    private final H5File file;

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
        // the C++ API would print the library's error stack for every failure; failures are reported here instead
        org.bytedeco.hdf5.Exception.dontPrint();
    }

    private Hdf5File(H5File file) {
        this.file = file;
    }

    /** Whether the file starts with the HDF5 signature (or has it after a user block). */
    static boolean looksLikeHdf5(Path path) throws IOException {
        long size = Files.size(path);
        try (InputStream in = Files.newInputStream(path)) {
            long at = 0;
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                in.skipNBytes(offset - at);
                byte[] head = in.readNBytes(SIGNATURE.length);
                at = offset + head.length;
                if (Arrays.equals(head, SIGNATURE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @throws Hdf5Exception when the library cannot open it */
    static Hdf5File open(Path path) {
        synchronized (LOCK) {
            try {
                return new Hdf5File(new H5File(path.toString(), H5F_ACC_RDONLY()));
            } catch (RuntimeException e) {
                throw new Hdf5Exception("the HDF5 library cannot open it (" + e.getMessage() + ")", e);
            }
        }
    }

    boolean hasAttribute(String path, String name) {
        synchronized (LOCK) {
            return call("attribute " + name + " of " + where(path), () -> {
                Group g = group(path);
                try {
                    return g.attrExists(name);
                } finally {
                    g.deallocate();
                }
            });
        }
    }

    /** A string attribute, or the first of an array of them. */
    String string(String path, String name) {
        List<String> all = strings(path, name);
        if (all.isEmpty()) {
            throw new Hdf5Exception("attribute " + name + " of " + where(path) + " is empty");
        }
        return all.get(0);
    }

    /** A string attribute, or an array of them; an attribute with no element (Keras's [] for no weights) is empty. */
    List<String> strings(String path, String name) {
        synchronized (LOCK) {
            return call("attribute " + name + " of " + where(path), () -> {
                Group g = group(path);
                Attribute a = g.openAttribute(name);
                DataSpace space = a.getSpace();
                try {
                    long n = space.getSimpleExtentNpoints();
                    if (n == 0) {
                        return List.of();
                    }
                    if (a.getTypeClass() != H5T_STRING) {
                        throw new Hdf5Exception("attribute " + name + " of " + where(path) + " is not text");
                    }
                    StrType type = a.getStrType();
                    try {
                        return type.isVariableStr() ? variableLength(a, type, space, (int) n)
                                : fixedLength(a, type, (int) n);
                    } finally {
                        type.deallocate();
                    }
                } finally {
                    space.deallocate();
                    a.deallocate();
                    g.deallocate();
                }
            });
        }
    }

    /** The names of the groups directly in a group, in the file's order. */
    List<String> groups(String path) {
        return children(path, H5O_TYPE_GROUP);
    }

    /** The names of the data sets directly in a group, in the file's order. */
    List<String> dataSets(String path) {
        return children(path, H5O_TYPE_DATASET);
    }

    boolean exists(String path) {
        synchronized (LOCK) {
            String p = clean(path);
            if (p.isEmpty()) {
                return true;
            }
            return call(where(path), () -> {
                // each step must exist for H5Lexists on the next one
                StringBuilder prefix = new StringBuilder();
                for (String part : p.split("/")) {
                    prefix.append(prefix.length() == 0 ? "" : "/").append(part);
                    if (!file.nameExists(prefix.toString())) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    /** A data set of any float or integer type, read as float32, in its own shape (C order). */
    INDArray floats(String path) {
        synchronized (LOCK) {
            return call("data set " + where(path), () -> {
                DataSet d = file.openDataSet(clean(path));
                DataSpace space = d.getSpace();
                try {
                    long[] dims = new long[space.getSimpleExtentNdims()];
                    space.getSimpleExtentDims(dims);
                    INDArray array = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, dims, 'c');
                    DataType floats = new DataType(PredType.NATIVE_FLOAT());
                    d.read(array.data().pointer(), floats);
                    return array;
                } finally {
                    space.deallocate();
                    d.deallocate();
                }
            });
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            file.close();
            file.deallocate();
        }
    }

    private List<String> children(String path, int type) {
        synchronized (LOCK) {
            return call(where(path), () -> {
                Group g = group(path);
                try {
                    List<String> names = new ArrayList<>();
                    for (long i = 0; i < g.getNumObjs(); i++) {
                        String child = g.getObjnameByIdx(i).getString(StandardCharsets.UTF_8);
                        if (g.childObjType(child) == type) {
                            names.add(child);
                        }
                    }
                    return names;
                } finally {
                    g.deallocate();
                }
            });
        }
    }

    private Group group(String path) {
        String p = clean(path);
        return file.openGroup(p.isEmpty() ? "/" : p);
    }

    private static List<String> fixedLength(Attribute a, StrType type, int n) {
        int size = (int) type.getSize();
        BytePointer buffer = new BytePointer((long) n * size);
        try {
            a.read(type, (Pointer) buffer);
            byte[] bytes = new byte[n * size];
            buffer.get(bytes);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int end = i * size;
                while (end < (i + 1) * size && bytes[end] != 0) {
                    end++;
                }
                out.add(new String(bytes, i * size, end - i * size, StandardCharsets.UTF_8).stripTrailing());
            }
            return out;
        } finally {
            buffer.deallocate();
        }
    }

    private static List<String> variableLength(Attribute a, StrType type, DataSpace space, int n) {
        PointerPointer<BytePointer> pointers = new PointerPointer<>(n);
        try {
            a.read(type, pointers);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                BytePointer s = pointers.get(BytePointer.class, i);
                out.add(s == null || s.isNull() ? "" : s.getString(StandardCharsets.UTF_8));
            }
            H5Treclaim(type.getId(), space.getId(), H5P_DEFAULT(), pointers);
            return out;
        } finally {
            pointers.deallocate();
        }
    }

    private static String clean(String path) {
        String p = path.replaceAll("/+", "/");
        p = p.startsWith("/") ? p.substring(1) : p;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String where(String path) {
        String p = clean(path);
        return p.isEmpty() ? "the root" : "/" + p;
    }

    private interface Read<T> {
        T get();
    }

    /** Runs a read, turning the library's exceptions (C++ exceptions become RuntimeExceptions) into one kind. */
    private static <T> T call(String what, Read<T> read) {
        try {
            return read.get();
        } catch (Hdf5Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Hdf5Exception("cannot read " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** A failure to read the file: what could not be read, and why. */
    static final class Hdf5Exception extends RuntimeException {
        Hdf5Exception(String message) {
            super(message);
        }

        Hdf5Exception(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
