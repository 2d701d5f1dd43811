package dev.convlab.backend;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Keeps JavaCPP's process-memory limit below the machine's RAM. JavaCPP's default for
 * {@code org.bytedeco.javacpp.maxphysicalbytes} is maxbytes + 3 × heap, i.e. 4 × -Xmx, and the JVM's default heap is
 * a quarter of RAM: the limit lands at all of RAM, where the kernel kills the JVM before JavaCPP can raise its
 * OutOfMemoryError (DL4J issue #9671). Read once when JavaCPP's Pointer class initialises, so set before ND4J loads.
 */
final class OffHeapLimit {

    static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxphysicalbytes";
    /** JavaCPP also accepts this spelling. */
    static final String MAX_PHYSICAL_CAMEL = "org.bytedeco.javacpp.maxPhysicalBytes";
    /** Room for the OS, page cache and anything else on the machine. */
    static final double SHARE_OF_RAM = 0.8;

    private OffHeapLimit() {
    }

    /** Sets the limit to 80% of RAM (the container's, where there is one) unless someone already set it. */
    static void applyDefault() {
        if (System.getProperty(MAX_PHYSICAL) != null || System.getProperty(MAX_PHYSICAL_CAMEL) != null) {
            return;
        }
        long ram = totalRam();
        if (ram > 0) {
            System.setProperty(MAX_PHYSICAL, Long.toString((long) (ram * SHARE_OF_RAM)));
        }
    }

    /** Container-aware since JDK 14; 0 when the JVM cannot tell. */
    static long totalRam() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }
}
