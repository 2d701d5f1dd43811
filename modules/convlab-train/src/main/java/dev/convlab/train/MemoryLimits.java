package dev.convlab.train;

import dev.convlab.model.MemoryEstimate;
import org.bytedeco.javacpp.Pointer;

/**
 * The memory limits in force in this JVM. In ND4J 1.0.0-M2.1 arrays and workspaces are allocated by libnd4j itself,
 * not through JavaCPP, so {@code maxbytes} (JavaCPP's count of its own allocations) does not bound them; what does is
 * {@code maxphysicalbytes}, which JavaCPP checks against the process's resident memory at each of its allocations.
 *
 * @param heapMax          -Xmx ({@link Runtime#maxMemory()})
 * @param maxBytes         org.bytedeco.javacpp.maxbytes; 0 means none
 * @param maxPhysicalBytes org.bytedeco.javacpp.maxphysicalbytes; 0 means none
 * @param ram              the machine's (or container's) memory as JavaCPP sees it
 */
public record MemoryLimits(long heapMax, long maxBytes, long maxPhysicalBytes, long ram) {

    public static MemoryLimits current() {
        return new MemoryLimits(Runtime.getRuntime().maxMemory(), Pointer.maxBytes(), Pointer.maxPhysicalBytes(),
                Pointer.totalPhysicalBytes());
    }

    /** What the whole process may use before an allocation fails: maxphysicalbytes, else the RAM. */
    public long processCeiling() {
        if (maxPhysicalBytes > 0) {
            return ram > 0 ? Math.min(maxPhysicalBytes, ram) : maxPhysicalBytes;
        }
        return ram;
    }

    /** The line a run prints before training: the estimate against the process ceiling. */
    public String against(MemoryEstimate estimate) {
        long ceiling = processCeiling();
        String line = "memory: about " + MemoryEstimate.readable(estimate.totalBytes()) + " at batch size "
                + estimate.batchSize() + " by convlab's estimate";
        if (ceiling <= 0) {
            return line;
        }
        String limit = MemoryEstimate.readable(ceiling) + (maxPhysicalBytes > 0 ? " maxphysicalbytes" : " of RAM");
        return estimate.totalBytes() <= ceiling ? line + ", within " + limit
                : line + ", above " + limit + ": expect to run out of memory (lower data.batch_size)";
    }

    /** "heap 1.00 GB, maxbytes 256.00 MB, maxphysicalbytes 2.00 GB, RAM 23.54 GB" */
    public String describe() {
        return "heap " + bytes(heapMax) + ", maxbytes " + bytes(maxBytes) + ", maxphysicalbytes "
                + bytes(maxPhysicalBytes) + ", RAM " + bytes(ram);
    }

    private static String bytes(long n) {
        return n <= 0 ? "unlimited" : MemoryEstimate.readable(n);
    }
}
