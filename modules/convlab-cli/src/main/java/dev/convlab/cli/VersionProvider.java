package dev.convlab.cli;

import dev.convlab.train.Versions;
import java.util.Map;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Map<String, String> v = Versions.all();
        return new String[] {"convlab " + v.get("convlab") + " (Deeplearning4j " + v.get("deeplearning4j") + ", Java "
                + v.get("java") + ")"};
    }
}
