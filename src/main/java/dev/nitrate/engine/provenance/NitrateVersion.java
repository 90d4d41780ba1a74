package dev.nitrate.engine.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Nitrate that is running, from the build's Maven descriptor in the jar. */
public final class NitrateVersion {

    private static final String DESCRIPTOR = "/META-INF/maven/dev.nitrate/nitrate/pom.properties";

    private NitrateVersion() {}

    /** For example {@code 0.1.0}; {@code unpackaged build} when running from compiled classes rather than the jar. */
    public static String current() {
        try (InputStream in = NitrateVersion.class.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            // fall through: the version is then unknown
        }
        String fromManifest = NitrateVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unpackaged build";
    }
}
