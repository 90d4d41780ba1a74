package dev.nitrate.engine.provenance;

import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a provenance record beside the output it describes, through that output's guard. */
public final class ProvenanceWriter {

    private ProvenanceWriter() {}

    /**
     * Writes {@code record} as {@code OUT.nitrate.json} beside the output {@code guard} claimed, atomically
     * (see {@link OutputGuard#publishRecord}); call it once the output is in place.
     *
     * @return the record's file
     * @throws OutputRefusedException when a record that Nitrate may not replace appeared at that name
     */
    public static Path write(ProvenanceRecord record, OutputGuard guard) throws IOException, OutputRefusedException {
        guard.publishRecord(ProvenanceJson.toBytes(record));
        return guard.recordFile();
    }
}
