package org.vascalc.simulation.cohort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What the partial CSV files of a stopped cohort run hold (one file per arm, written by
 * {@link org.vascalc.simulation.output.StreamedFile} in whole batches): the members finished in every
 * arm, read back so that a resumed run continues after them and ends with the files and summaries
 * an uninterrupted run gives. Each row is checked by writing it back: its covariates and own
 * multipliers must be those member i of this population draws, so a file of another seed,
 * population or parameter catalog is refused, not continued. (The follow-up values are taken as
 * they are: resume with the VasCalc build that started the run.)
 *
 * @param members   members finished in every arm (rows 0 to members - 1)
 * @param keepBytes per arm, the length of the header and those rows, bytes
 */
public record PartialCohort(long members, List<Long> keepBytes) {

    public PartialCohort {
        keepBytes = List.copyOf(keepBytes);
    }

    /** Receives each finished member's follow-ups, one per arm, in member order. */
    @FunctionalInterface
    public interface Reader {
        void member(long index, List<FollowUp> byArm) throws IOException;
    }

    /**
     * Reads the partial files (one per arm, all present) up to {@code max} members. A torn last line
     * (a {@code kill -9} during a write) is cut off the file first; rows beyond the shortest file are
     * left out (and cut when the run continues).
     *
     * @throws IllegalArgumentException if a file's header or a row is not this cohort's (the message says which)
     */
    public static PartialCohort read(List<Path> partials, LongFunction<VirtualPerson> memberAt, long max, Reader each)
            throws IOException {
        String header = CohortTable.header();
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        for (Path p : partials) { // byte for byte: a file saved with other line ends would be cut in the wrong places
            try (java.io.InputStream in = Files.newInputStream(p)) {
                if (!java.util.Arrays.equals(in.readNBytes(headerBytes.length), headerBytes)) {
                    throw new IllegalArgumentException(p + " does not start with the header of a cohort's members"
                            + " (as VasCalc writes it, with \\n line ends)");
                }
            }
        }
        for (Path p : partials) {
            cutTornTail(p);
        }
        List<BufferedReader> readers = new ArrayList<>();
        long[] bytes = new long[partials.size()];
        long k = 0;
        try {
            for (Path p : partials) {
                BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
                readers.add(r);
                r.readLine();
            }
            java.util.Arrays.fill(bytes, header.length());
            rows:
            while (k < max) {
                String[] lines = new String[partials.size()];
                for (int a = 0; a < lines.length; a++) {
                    lines[a] = readers.get(a).readLine();
                    if (lines[a] == null) {
                        break rows;
                    }
                }
                VirtualPerson person = memberAt.apply(k);
                List<FollowUp> byArm = new ArrayList<>(lines.length);
                for (int a = 0; a < lines.length; a++) {
                    FollowUp u = CohortTable.readRow(lines[a], person);
                    if (u == null) {
                        throw new IllegalArgumentException("row " + (k + 1) + " of " + partials.get(a) + " is not member " + k
                                + " of this cohort (another seed, population or parameter catalog wrote it)");
                    }
                    byArm.add(u);
                }
                each.member(k, byArm);
                for (int a = 0; a < lines.length; a++) {
                    bytes[a] += lines[a].length() + 1; // ASCII: one byte a character
                }
                k++;
            }
        } finally {
            for (BufferedReader r : readers) {
                r.close();
            }
        }
        List<Long> keep = new ArrayList<>();
        for (long b : bytes) {
            keep.add(b);
        }
        return new PartialCohort(k, keep);
    }

    /** Cuts what follows the file's last line end (a row whose write was cut short). */
    static void cutTornTail(Path p) throws IOException {
        long end;
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            end = f.length();
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            if (ch.size() > end) {
                ch.truncate(end);
            }
        }
    }
}
