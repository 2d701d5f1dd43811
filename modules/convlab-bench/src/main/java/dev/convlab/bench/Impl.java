package dev.convlab.bench;

/** The Java implementations compared; PyTorch ("pytorch") is measured by torch_bench.py. */
public enum Impl {
    /** The network from configs/bench/*.yaml through ModelFactory, after Backends.init: what `convlab train` runs. */
    CONVLAB("convlab"),
    /**
     * The hand-written DL4J network with DL4J's own updater and nothing of convlab: DL4J's defaults, JavaCPP's own
     * choice of native build.
     */
    DL4J_DEFAULT("dl4j-default"),
    /**
     * The same hand-written layers after Backends.init, with the updater convlab builds from the YAML: the very
     * computation of {@link #CONVLAB}, built by hand instead of from YAML.
     */
    DL4J_FAST("dl4j-fast");

    private final String id;

    Impl(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Impl byId(String id) {
        for (Impl i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + id
                + "'; known: convlab, dl4j-default, dl4j-fast");
    }
}
