package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.ScoreReport;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.volume.CtVolume;

/**
 * A whole series folder, damaged: where {@link HostileInputTest} throws broken bytes at one file, this
 * damages a series the writer made (a truncated slice, flipped header or pixel bytes, an emptied slice, a
 * stranger file, absurd Rows / Columns / Bits Allocated, Number of Frames, positions and spacings that
 * disagree, a slice of another series, a required attribute removed) and reads the folder as
 * {@code vascalc score} and the web upload do. Every case must end in a valid volume or in a
 * {@link DicomException} (the user-facing type: exit 1, HTTP 400), never in another exception, a hang or
 * an allocation beyond the files. Seeded, so a failing case names its number and can be replayed.
 */
class DamagedSeriesTest {

    private static final long SEED = 20261206L;
    private static final int CASES = 400;

    /** Attributes whose value a case rewrites in place, with the VR the writer gives them. */
    private static final int[] US_TAGS = {Tag.SAMPLES_PER_PIXEL, Tag.ROWS, Tag.COLUMNS, Tag.BITS_ALLOCATED,
        Tag.BITS_STORED, Tag.HIGH_BIT, Tag.PIXEL_REPRESENTATION};
    private static final int[] TEXT_TAGS = {Tag.PIXEL_SPACING, Tag.IMAGE_POSITION_PATIENT,
        Tag.IMAGE_ORIENTATION_PATIENT, Tag.SLICE_THICKNESS, Tag.KVP, Tag.RESCALE_SLOPE, Tag.RESCALE_INTERCEPT,
        Tag.MODALITY, Tag.SERIES_INSTANCE_UID, Tag.TRANSFER_SYNTAX_UID, Tag.INSTANCE_NUMBER};
    /** Attributes a case sets to a value of any length (the file rewritten), with their VRs. */
    private static final int[] SET_TAGS = {Tag.NUMBER_OF_FRAMES, Tag.PIXEL_SPACING, Tag.IMAGE_POSITION_PATIENT,
        Tag.SLICE_THICKNESS, Tag.RESCALE_SLOPE, Tag.RESCALE_INTERCEPT, Tag.GANTRY_DETECTOR_TILT, Tag.KVP};
    private static final Vr[] SET_VRS = {Vr.IS, Vr.DS, Vr.DS, Vr.DS, Vr.DS, Vr.DS, Vr.DS, Vr.DS};
    private static final int[] REMOVABLE = {Tag.RESCALE_SLOPE, Tag.RESCALE_INTERCEPT, Tag.PIXEL_SPACING,
        Tag.IMAGE_POSITION_PATIENT, Tag.IMAGE_ORIENTATION_PATIENT, Tag.KVP, Tag.ROWS, Tag.COLUMNS,
        Tag.BITS_ALLOCATED, Tag.PIXEL_DATA, Tag.SERIES_INSTANCE_UID, Tag.SLICE_THICKNESS, Tag.MODALITY,
        Tag.PHOTOMETRIC_INTERPRETATION};
    private static final String[] NUMBER_SPELLINGS = {"", "0", "0\\0\\0", "-1\\-1", "-0", "-1", "1e400", "1e300", "-1e300", "NaN",
        "Infinity", "abc", "99999999", "0\\0", "1\\1", "1e-300", "4.9e-324", "0.5\\0.5\\0.5", "\\", " 1 ", "+1",
        "2147483648", "-2147483649", "0x10", "2", "4", "65536", "1e9\\1e9", "1e300\\1e300",
        "1e-9\\1e-9", "0\\0\\1e300", "1e308\\-1e308\\1e308"};

    @TempDir
    Path tmp;

    @Test
    void everyDamagedSeriesReadsOrFailsWithADicomException() throws Exception {
        Path clean = tmp.resolve("clean");
        CtSeriesWriter.writeCt(TestVolumes.ct(8, 6, 5, 41), SeriesInfo.synthetic("damaged"), clean);
        Path other = tmp.resolve("other");
        CtSeriesWriter.writeCt(TestVolumes.ct(8, 6, 3, 42), SeriesInfo.synthetic("stranger"), other);
        List<Path> cleanFiles = list(clean);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int c = 0; c < CASES; c++) {
            Path folder = tmp.resolve("case" + c);
            Files.createDirectories(folder);
            for (Path f : cleanFiles) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
            List<Path> files = list(folder);
            Path victim = files.get(random.nextInt(files.size()));
            String what = damage(c, random, folder, victim, other);
            Throwable outcome = read(folder, what);
            if (outcome instanceof DicomException e) {
                refused++;
                assertThat(e.getMessage()).as(what).isNotBlank();
            } else if (outcome != null) {
                failures.add("case " + c + " (" + what + "): " + outcome);
            }
            deleteTree(folder);
        }
        // every value damage, not a random few: each attribute of the table set to each spelling, in the
        // lowest slice (in place, and rewritten at any length), and each pixel-format number to each edge
        List<String> values = new ArrayList<>();
        int total = CASES;
        for (int tag : TEXT_TAGS) {
            for (String value : NUMBER_SPELLINGS) {
                values.add("text " + tag + " " + value);
            }
        }
        for (int i = 0; i < SET_TAGS.length; i++) {
            for (String value : NUMBER_SPELLINGS) {
                values.add("set " + i + " " + value);
            }
        }
        for (int tag : US_TAGS) {
            for (int value : new int[] {0, 1, 7, 8, 12, 15, 16, 17, 32, 64, 255, 0xFFFF}) {
                values.add("us " + tag + " " + value);
            }
        }
        for (String v : values) {
            Path folder = tmp.resolve("value" + total);
            Files.createDirectories(folder);
            for (Path f : cleanFiles) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
            Path victim = folder.resolve(cleanFiles.get(0).getFileName()); // the lowest: the series takes its values
            byte[] bytes = Files.readAllBytes(victim);
            String[] p = v.split(" ", 3);
            String what = victim.getFileName() + " " + v;
            Files.write(victim, switch (p[0]) {
                case "text" -> overwriteText(bytes, Integer.parseInt(p[1]), p[2]);
                case "set" -> with(bytes, "v.dcm", SET_TAGS[Integer.parseInt(p[1])], SET_VRS[Integer.parseInt(p[1])], p[2]);
                default -> overwriteUs(bytes, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            });
            Throwable outcome = read(folder, what);
            if (outcome != null && !(outcome instanceof DicomException)) {
                failures.add("value case (" + what + "): " + outcome);
            }
            total++;
            deleteTree(folder);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + total + " damaged series ended in another exception than a "
                    + "DicomException:\n" + String.join("\n", failures));
        }
        // most damage must be noticed; a few (a flipped pixel, a stranger file) leave a readable series
        assertThat(refused).isGreaterThan(CASES / 2);
    }

    /** Reads the folder as the score command does; null when it read, else what it threw. */
    private static Throwable read(Path folder, String what) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            executor.submit(() -> {
                CtVolume v = new DicomSeriesReader().readCt(folder);
                // what was read is scored and printed as vascalc score does: a damaged but readable
                // geometry must give finite scores, not an Infinity or NaN in the report
                CalciumScore score;
                try {
                    score = new CalciumScorer(ScoringOptions.clinical()).score(v);
                } catch (IllegalArgumentException e) {
                    // the scorer's documented refusal (irregular spacing: a slice passed over as not DICOM),
                    // which vascalc score and the web page give as the user's problem
                    throw new DicomException("scorer: " + e.getMessage(), e);
                }
                assertThat(List.of(score.agatston(), score.volumeMm3(), score.massMg())).as(what)
                        .allMatch(Double::isFinite);
                assertThat(ScoreReport.json(score)).as(what).doesNotContain("NaN", "Infinity");
                assertThat(ScoreReport.text(score)).as(what).doesNotContain("NaN", "Infinity");
                return v;
            }).get(20, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new AssertionError("no answer within 20 s (a hang?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } finally {
            executor.shutdownNow();
        }
    }

    /** Damages the copy in {@code folder}; returns what it did, for the failure message. */
    private static String damage(int c, Random random, Path folder, Path victim, Path other) throws Exception {
        byte[] bytes = Files.readAllBytes(victim);
        String name = victim.getFileName().toString();
        int pixelStart = pixelDataOffset(bytes);
        switch (c % 13) {
            case 0 -> {
                int at = random.nextInt(bytes.length);
                Files.write(victim, java.util.Arrays.copyOf(bytes, at));
                return name + " truncated at " + at;
            }
            case 1 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    bytes[132 + random.nextInt(pixelStart - 132)] ^= (byte) (1 + random.nextInt(255));
                }
                Files.write(victim, bytes);
                return name + " header bytes flipped " + flips + " times";
            }
            case 2 -> {
                for (int i = 0; i < 4; i++) {
                    bytes[pixelStart + random.nextInt(bytes.length - pixelStart)] ^= (byte) (1 + random.nextInt(255));
                }
                Files.write(victim, bytes);
                return name + " pixel bytes flipped";
            }
            case 3 -> {
                Files.write(victim, new byte[0]);
                return name + " emptied";
            }
            case 4 -> {
                byte[] junk = new byte[random.nextInt(400)];
                random.nextBytes(junk);
                if (random.nextBoolean() && junk.length > 132) {
                    System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, junk, 128, 4);
                }
                Files.write(folder.resolve("junk" + c + ".dcm"), junk);
                return "a junk file of " + junk.length + " bytes added";
            }
            case 5 -> {
                int tag = US_TAGS[random.nextInt(US_TAGS.length)];
                int value = random.nextBoolean() ? 0xFFFF : random.nextInt(65536);
                Files.write(victim, overwriteUs(bytes, tag, value));
                return name + " " + Tag.describe(tag) + " set to " + value;
            }
            case 6, 7 -> {
                int tag = TEXT_TAGS[random.nextInt(TEXT_TAGS.length)];
                String value = NUMBER_SPELLINGS[random.nextInt(NUMBER_SPELLINGS.length)];
                Files.write(victim, overwriteText(bytes, tag, value));
                return name + " " + Tag.describe(tag) + " set to '" + value + "'";
            }
            case 8 -> {
                int tag = REMOVABLE[random.nextInt(REMOVABLE.length)];
                Files.write(victim, without(bytes, name, tag));
                return name + " without " + Tag.describe(tag);
            }
            case 9 -> {
                List<Path> strangers = list(other);
                Path s = strangers.get(random.nextInt(strangers.size()));
                Files.copy(s, folder.resolve("X" + s.getFileName()));
                return "a slice of another series added";
            }
            case 10 -> {
                Files.copy(victim, folder.resolve("copy-" + name));
                return name + " copied (two slices at one z)";
            }
            case 11 -> {
                int i = random.nextInt(SET_TAGS.length);
                String value = NUMBER_SPELLINGS[random.nextInt(NUMBER_SPELLINGS.length)];
                Files.write(victim, with(bytes, name, SET_TAGS[i], SET_VRS[i], value));
                return name + " " + Tag.describe(SET_TAGS[i]) + " rewritten as '" + value + "'";
            }
            default -> {
                // a huge claim with a file that cannot hold it: Rows and Columns at 65535, 16 bits
                byte[] b = overwriteUs(bytes, Tag.ROWS, 0xFFFF);
                b = overwriteUs(b, Tag.COLUMNS, 0xFFFF);
                Files.write(victim, b);
                return name + " claims 65535 x 65535 pixels";
            }
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        for (Path p : list(folder)) {
            Files.delete(p);
        }
        Files.delete(folder);
    }

    /** Offset of the Pixel Data element's value in an Explicit VR LE file of the writer. */
    private static int pixelDataOffset(byte[] b) {
        int at = find(b, Tag.PIXEL_DATA);
        return at + 12;
    }

    /** Offset of the element header of {@code tag} (Explicit VR LE, as the writer writes it). */
    private static int find(byte[] b, int tag) {
        int g = tag >>> 16;
        int e = tag & 0xFFFF;
        for (int i = 132; i + 6 <= b.length; i++) {
            if ((b[i] & 0xFF) == (g & 0xFF) && (b[i + 1] & 0xFF) == g >>> 8 && (b[i + 2] & 0xFF) == (e & 0xFF)
                    && (b[i + 3] & 0xFF) == e >>> 8 && Character.isUpperCase(b[i + 4]) && Character.isUpperCase(b[i + 5])) {
                return i;
            }
        }
        throw new AssertionError("no " + Tag.describe(tag) + " in the clean file");
    }

    private static byte[] overwriteUs(byte[] bytes, int tag, int value) {
        byte[] b = bytes.clone();
        int at = find(b, tag) + 8;
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        return b;
    }

    /** The value rewritten in place: cut or space-padded to the element's length, so offsets stay. */
    private static byte[] overwriteText(byte[] bytes, int tag, String value) {
        byte[] b = bytes.clone();
        int at = find(b, tag);
        int length = (b[at + 6] & 0xFF) | (b[at + 7] & 0xFF) << 8;
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++) {
            b[at + 8 + i] = i < v.length ? v[i] : (byte) ' ';
        }
        return b;
    }

    private static byte[] with(byte[] bytes, String name, int tag, Vr vr, String text) throws DicomException {
        DicomFile f = new DicomReader().parse(bytes, name);
        Map<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
        elements.putAll(f.dataSet().elements());
        String even = text.length() % 2 == 0 ? text : text + " ";
        elements.put(tag, new DicomElement.Value(tag, vr, 0, even.getBytes(StandardCharsets.US_ASCII)));
        return DicomWriter.encode(new DataSet(name, elements), f.transferSyntax());
    }

    private static byte[] without(byte[] bytes, String name, int tag) throws DicomException {
        DicomFile f = new DicomReader().parse(bytes, name);
        Map<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
        elements.putAll(f.dataSet().elements());
        elements.remove(tag);
        return DicomWriter.encode(new DataSet(name, elements), f.transferSyntax());
    }
}
