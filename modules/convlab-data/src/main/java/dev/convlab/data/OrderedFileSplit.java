package dev.convlab.data;

import org.datavec.api.split.InputSplit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A read-only DataVec InputSplit over a fixed list of files, served in the order a {@link ShuffleOrder} gives for
 * the current pass. DataVec's own FileSplit reshuffles with one Random for the life of the split, so the order of
 * pass N depends on how many resets came before; here it depends on the seed and N only.
 */
final class OrderedFileSplit implements InputSplit {
    private final List<String> uris;
    private final ShuffleOrder order;

    OrderedFileSplit(List<Path> files, ShuffleOrder order) {
        this.uris = files.stream().map(f -> f.toUri().toString()).toList();
        this.order = order;
    }

    @Override
    public Iterator<String> locationsPathIterator() {
        return new Iterator<>() {
            private int position;

            @Override
            public boolean hasNext() {
                return position < order.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                order.markConsumed();
                return uris.get(order.at(position++));
            }
        };
    }

    @Override
    public Iterator<URI> locationsIterator() {
        Iterator<String> paths = locationsPathIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paths.hasNext();
            }

            @Override
            public URI next() {
                return URI.create(paths.next());
            }
        };
    }

    @Override
    public URI[] locations() {
        return uris.stream().map(URI::create).toArray(URI[]::new);
    }

    @Override
    public long length() {
        return uris.size();
    }

    @Override
    public void reset() {
        order.nextPass();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public InputStream openInputStreamFor(String location) throws Exception {
        return Files.newInputStream(Path.of(URI.create(location)));
    }

    @Override
    public boolean canWriteToLocation(URI location) {
        return false;
    }

    @Override
    public String addNewLocation() {
        throw new UnsupportedOperationException("read-only split");
    }

    @Override
    public String addNewLocation(String location) {
        throw new UnsupportedOperationException("read-only split");
    }

    @Override
    public void updateSplitLocations(boolean reset) {
    }

    @Override
    public boolean needsBootstrapForWrite() {
        return false;
    }

    @Override
    public void bootStrapForWrite() {
    }

    @Override
    public OutputStream openOutputStreamFor(String location) {
        throw new UnsupportedOperationException("read-only split");
    }
}
