package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt, truncated, huge and hostile input must end in a {@link DicomException} with a message, never
 * in another exception, a hang or an allocation beyond the file's size. The timeouts are generous hang
 * guards (each case runs in milliseconds), not speed assertions.
 */
class HostileInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** A valid small CT slice file, as bytes. */
    private byte[] validSlice() throws Exception {
        CtSeriesWriter.writeCt(TestVolumes.ct(6, 5, 1, 31), SeriesInfo.synthetic("H"), tmp.resolve("h"));
        return Files.readAllBytes(tmp.resolve("h/IM00001.dcm"));
    }

    /** Parses and decodes like the series reader does; returns normally only if all of it succeeds. */
    private static void readFully(byte[] bytes) throws DicomException {
        DicomFile f = new DicomReader().parse(bytes, "fuzz.dcm");
        PixelFormat format = PixelFormat.of(f.dataSet());
        PixelDecoder.frame(f, format, 0);
        f.dataSet().requiredDoubles(Tag.PIXEL_SPACING, 2);
    }

    private static void expectDicomExceptionOrSuccess(byte[] bytes, String what) {
        try {
            readFully(bytes);
        } catch (DicomException e) {
            assertThat(e.getMessage()).as(what).startsWith("fuzz.dcm");
        } catch (RuntimeException | Error e) {
            fail(what + ": " + e + " instead of a DicomException", e);
        }
    }

    /** A file whose data set is two UIDs followed by {@code tail} (tags above (0008,0018)). */
    private static byte[] withTail(byte[] tail) {
        DataSet ds = new DataSetBuilder("t").text(Tag.SOP_CLASS_UID, Vr.UI, CtSeriesWriter.CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3").build();
        byte[] head = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, long v) {
        le16(out, (int) (v & 0xFFFF));
        le16(out, (int) ((v >>> 16) & 0xFFFF));
    }

    private static void explicitLongHeader(ByteArrayOutputStream out, int tag, String vr, long length) {
        le16(out, tag >>> 16);
        le16(out, tag & 0xFFFF);
        out.write(vr.charAt(0));
        out.write(vr.charAt(1));
        le16(out, 0);
        le32(out, length);
    }

    private static void itemHeader(ByteArrayOutputStream out, int tag, long length) {
        le16(out, tag >>> 16);
        le16(out, tag & 0xFFFF);
        le32(out, length);
    }

    @Test
    void everyTruncationOfAValidFileIsRefused() throws Exception {
        byte[] valid = validSlice();
        readFully(valid);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int cut = 0; cut < valid.length; cut++) {
                byte[] truncated = Arrays.copyOf(valid, cut);
                int at = cut;
                assertThatThrownBy(() -> readFully(truncated)).as("cut at " + at).isInstanceOf(DicomException.class)
                        .hasMessageStartingWith("fuzz.dcm");
            }
        });
    }

    @Test
    void everyTruncationOfPydicomsCtSmallIsRefused() throws Exception {
        byte[] valid = Files.readAllBytes(PydicomTestFiles.require("CT_small.dcm"));
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int cut = 0; cut < valid.length; cut += 7) {
                byte[] truncated = Arrays.copyOf(valid, cut);
                assertThatThrownBy(() -> readFully(truncated)).isInstanceOf(DicomException.class);
            }
        });
    }

    @Test
    void randomByteFlipsGiveDicomExceptionsOrValidReads() throws Exception {
        byte[] valid = validSlice();
        byte[] ctSmall = Files.exists(PydicomTestFiles.DIR.resolve("CT_small.dcm"))
                ? Files.readAllBytes(PydicomTestFiles.DIR.resolve("CT_small.dcm")) : valid;
        Random random = new Random(20261130L);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int trial = 0; trial < 3000; trial++) {
                byte[] source = trial % 2 == 0 ? valid : ctSmall;
                byte[] mutated = source.clone();
                int flips = 1 + random.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    // Flip bytes in the header mostly: pixel bytes are not structure.
                    int limit = random.nextInt(4) == 0 ? mutated.length : Math.min(mutated.length, 1600);
                    int i = random.nextInt(limit);
                    mutated[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : mutated[i] ^ (1 << random.nextInt(8)));
                }
                expectDicomExceptionOrSuccess(mutated, "trial " + trial);
            }
        });
    }

    @Test
    void hugeDeclaredLengthsAreCheckedBeforeAllocating() {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        explicitLongHeader(tail, Tag.PIXEL_DATA, "OW", 0xFFFFFFF0L);
        tail.writeBytes(new byte[16]);
        assertThatThrownBy(() -> new DicomReader().parse(withTail(tail.toByteArray()), "huge.dcm"))
                .isInstanceOf(DicomException.class)
                .hasMessageContaining("huge.dcm at byte offset")
                .hasMessageContaining("declares 4294967280 bytes but only 16 remain");

        ByteArrayOutputStream item = new ByteArrayOutputStream();
        explicitLongHeader(item, 0x0040A730, "SQ", 0xFFFFFFFFL);
        itemHeader(item, Tag.ITEM, 0x7FFFFFFFL);
        assertThatThrownBy(() -> new DicomReader().parse(withTail(item.toByteArray()), "item.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("declares 2147483647 bytes");
    }

    @Test
    void imageDimensionsThatThePixelDataCannotHoldAreRefused() throws Exception {
        DataSet ds = new DataSetBuilder("dims.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CtSeriesWriter.CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3")
                .unsignedShort(Tag.SAMPLES_PER_PIXEL, 1).text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .unsignedShort(Tag.ROWS, 4000).unsignedShort(Tag.COLUMNS, 4000)
                .unsignedShort(Tag.BITS_ALLOCATED, 16).unsignedShort(Tag.BITS_STORED, 16)
                .unsignedShort(Tag.HIGH_BIT, 15).unsignedShort(Tag.PIXEL_REPRESENTATION, 1)
                .bytes(Tag.PIXEL_DATA, Vr.OW, new byte[32]).build();
        DicomFile f = new DicomReader().parse(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), "dims.dcm");
        assertThatThrownBy(() -> PixelDecoder.frame(f, PixelFormat.of(f.dataSet()), 0))
                .isInstanceOf(DicomException.class).hasMessageContaining("Pixel Data has 32 bytes");
    }

    @Test
    void filesLargerThanTheLimitAreRefusedBeforeReading() throws Exception {
        byte[] valid = validSlice();
        Path file = tmp.resolve("big.dcm");
        Files.write(file, valid);
        assertThatThrownBy(() -> new DicomReader(200).read(file)).isInstanceOf(DicomException.class)
                .hasMessageContaining("more than the limit of 200 bytes");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (int depth = 0; depth < 100_000; depth++) {
            explicitLongHeader(tail, 0x0040A730, "SQ", 0xFFFFFFFFL);
            itemHeader(tail, Tag.ITEM, 0xFFFFFFFFL);
        }
        byte[] file = withTail(tail.toByteArray());
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> new DicomReader().parse(file, "deep.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("nested deeper than " + DicomReader.MAX_DEPTH));
    }

    @Test
    void undefinedLengthSequencesMustBeClosed() {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        explicitLongHeader(tail, 0x0040A730, "SQ", 0xFFFFFFFFL);
        itemHeader(tail, Tag.ITEM, 0xFFFFFFFFL);
        assertThatThrownBy(() -> new DicomReader().parse(withTail(tail.toByteArray()), "open.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("not closed");

        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        explicitLongHeader(closed, 0x0040A730, "SQ", 0xFFFFFFFFL);
        itemHeader(closed, Tag.ITEM, 0xFFFFFFFFL);
        itemHeader(closed, Tag.ITEM_DELIMITATION, 0);
        itemHeader(closed, Tag.SEQUENCE_DELIMITATION, 0);
        assertThat(assertDoesNotThrowParse(withTail(closed.toByteArray())).dataSet().element(0x0040A730))
                .get().isInstanceOf(DicomElement.Sequence.class);
    }

    private static DicomFile assertDoesNotThrowParse(byte[] bytes) {
        try {
            return new DicomReader().parse(bytes, "ok.dcm");
        } catch (DicomException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void outOfOrderAndDuplicateTagsAreRefused() {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        le16(tail, 0x0008);
        le16(tail, 0x0016);
        tail.write('U');
        tail.write('I');
        le16(tail, 2);
        tail.write('1');
        tail.write(0);
        assertThatThrownBy(() -> new DicomReader().parse(withTail(tail.toByteArray()), "order.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("ascending tag order");
    }

    @Test
    void writerAndReaderAgreeInImplicitVrToo() throws Exception {
        DataSet ds = new DataSetBuilder("implicit.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CtSeriesWriter.CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3").text(Tag.PATIENT_NAME, Vr.PN, "Doe^Jane")
                .decimal(Tag.PIXEL_SPACING, 0.5, 0.75).unsignedShort(Tag.ROWS, 512)
                .integerString(Tag.INSTANCE_NUMBER, 42).build();
        DicomFile f = new DicomReader().parse(DicomWriter.encode(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), "i.dcm");
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(f.dataSet().requiredString(Tag.PATIENT_NAME)).isEqualTo("Doe^Jane");
        assertThat(f.dataSet().requiredDoubles(Tag.PIXEL_SPACING, 2)).containsExactly(0.5, 0.75);
        assertThat(f.dataSet().requiredInt(Tag.ROWS)).isEqualTo(512);
        assertThat(f.dataSet().requiredInt(Tag.INSTANCE_NUMBER)).isEqualTo(42);
        assertThat(f.meta().requiredString(Tag.IMPLEMENTATION_CLASS_UID)).isEqualTo(DicomWriter.IMPLEMENTATION_CLASS_UID);
    }

    @Test
    void aFolderTooLargeForTheHeapIsRefusedBeforeReadingAnyFile() throws Exception {
        CtSeriesWriter.writeCt(TestVolumes.ct(16, 16, 3, 41), SeriesInfo.synthetic("BIG"), tmp.resolve("big"));
        DicomSeriesReader small = new DicomSeriesReader(new DicomReader(), 1000);
        assertThatThrownBy(() -> small.readCt(tmp.resolve("big"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("3 DICOM files hold").hasMessageContaining("limit of 1000 bytes");
    }

    @Test
    void storedValuesAreMaskedToBitsStoredAndSignExtended() {
        PixelFormat unsigned12 = new PixelFormat(1, 1, 1, 16, 12, false);
        PixelFormat signed12 = new PixelFormat(1, 1, 1, 16, 12, true);
        // Bits above Bits Stored may hold overlay garbage (PS3.5 8.1.1); they must be ignored.
        assertThat(unsigned12.interpret(0xF000 | 0x0FFF)).isEqualTo(4095);
        assertThat(signed12.interpret(0xF000 | 0x0FFF)).isEqualTo(-1);
        assertThat(signed12.interpret(0x0800)).isEqualTo(-2048);
        assertThat(signed12.interpret(0x07FF)).isEqualTo(2047);
        assertThat(new PixelFormat(1, 1, 1, 16, 16, true).interpret(0x8000)).isEqualTo(-32768);
        assertThat(new PixelFormat(1, 1, 1, 8, 8, false).interpret(0xFF)).isEqualTo(255);
    }

    @Test
    void tagsAreOrderedAsUnsignedNumbersWhenWritten() throws Exception {
        DataSet ds = new DataSetBuilder("order.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CtSeriesWriter.CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3").bytes(0x90010010, Vr.OB, new byte[] {1, 2})
                .text(Tag.PATIENT_ID, Vr.LO, "P").build();
        DicomFile f = new DicomReader().parse(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), "order.dcm");
        assertThat(f.dataSet().elements().keySet()).containsExactly(Tag.SOP_CLASS_UID, Tag.SOP_INSTANCE_UID,
                Tag.PATIENT_ID, 0x90010010);
    }

    @Test
    void aMillionTinyItemsAreRefusedBeforeTheParsedTreeOutgrowsTheFile() {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        explicitLongHeader(tail, 0x0040A730, "SQ", 0xFFFFFFFFL);
        for (int i = 0; i <= DicomReader.MAX_ELEMENTS; i++) {
            itemHeader(tail, Tag.ITEM, 0);
        }
        itemHeader(tail, Tag.SEQUENCE_DELIMITATION, 0);
        byte[] file = withTail(tail.toByteArray());
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> new DicomReader().parse(file, "many.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("more than " + DicomReader.MAX_ELEMENTS));
    }

    @Test
    void aSeriesWithOneDamagedSliceIsReadOrRefusedAsAWholeNeverWithAnotherException() throws Exception {
        // robust (thirty-third session): the tests above damage one file read alone; the series reader adds
        // its own checks across slices (same grid, spacing, modality, kV, thickness, one slice per z), so one
        // slice of a series is cut short or has bytes changed, and the whole series is read as score reads it
        Path clean = tmp.resolve("clean");
        CtSeriesWriter.writeCt(TestVolumes.ct(6, 5, 4, 17), SeriesInfo.synthetic("F"), clean);
        List<Path> files;
        try (var list = Files.list(clean)) {
            files = list.sorted().toList();
        }
        Random random = new Random(20261203L);
        int[] readAndRefused = new int[2];
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int trial = 0; trial < 1000; trial++) {
                Path folder = tmp.resolve("series-" + trial);
                Files.createDirectories(folder);
                int damaged = random.nextInt(files.size());
                for (int f = 0; f < files.size(); f++) {
                    byte[] bytes = Files.readAllBytes(files.get(f));
                    if (f == damaged) {
                        if (random.nextInt(3) == 0) {
                            bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                        } else {
                            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                                int i = random.nextInt(bytes.length);
                                bytes[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[i] ^ (1 << random.nextInt(8)));
                            }
                        }
                    }
                    Files.write(folder.resolve(files.get(f).getFileName()), bytes);
                }
                try {
                    assertThat(new DicomSeriesReader().readCt(folder).depth()).as("trial " + trial).isBetween(1, 4);
                    readAndRefused[0]++;
                } catch (DicomException e) {
                    assertThat(e.getMessage()).as("trial " + trial).isNotBlank();
                    readAndRefused[1]++;
                } catch (RuntimeException | Error e) {
                    fail("trial " + trial + " (" + files.get(damaged).getFileName() + " damaged): " + e
                            + " instead of a DicomException", e);
                }
            }
        });
        // both outcomes occur (a flip in pixel data or a name reads; a cut file never does)
        assertThat(readAndRefused[0]).isPositive();
        assertThat(readAndRefused[1]).isPositive();
    }
}
