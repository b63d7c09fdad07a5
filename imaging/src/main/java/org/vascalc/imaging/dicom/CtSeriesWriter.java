package org.vascalc.imaging.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vascalc.core.files.TemporaryOnExit;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Writes a {@link CtVolume} as a CT Image Storage series (SOP Class 1.2.840.10008.5.1.4.1.1.2), one
 * Explicit VR Little Endian file per slice, with every Type 1 and Type 2 attribute of the CT Image IOD
 * modules (PS3.3 A.3: Patient, General Study, General Series, Frame of Reference, General Equipment,
 * General Acquisition, General Image, Image Plane, Image Pixel, CT Image, SOP Common).
 *
 * <p>A {@link LabelVolume} is written the same way as a second, derived CT series in the same study and
 * frame of reference: ImageType DERIVED\SECONDARY\AXIAL\{@value DicomSeriesReader#LABEL_MAP_IMAGE_TYPE},
 * unsigned 16-bit pixels holding the label codes 0..4 (0 none, 1 LM, 2 LAD, 3 LCX, 4 RCA), Rescale
 * Type "US" (unspecified), series number + 1. A Segmentation IOD would be the semantically exact choice
 * but needs a large multi-frame functional-group structure; the derived CT series is valid per
 * {@code dciodvfy}, overlays in any viewer and reads back exactly.
 *
 * <p>Output is atomic: files go into a hidden temporary folder next to the target, which is then
 * renamed to the target; a failure leaves no partial target. The target must not exist yet.
 */
public final class CtSeriesWriter {

    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private CtSeriesWriter() {
    }

    /** Writes {@code volume} into the new folder {@code target}, one file per slice. */
    public static void writeCt(CtVolume volume, SeriesInfo info, Path target) throws DicomException {
        writeAtomically(target, temp -> {
            for (int z = 0; z < volume.depth(); z++) {
                short[] slice = volume.slice(z);
                byte[] pixels = new byte[slice.length * 2];
                for (int i = 0; i < slice.length; i++) {
                    pixels[2 * i] = (byte) slice[i];
                    pixels[2 * i + 1] = (byte) (slice[i] >>> 8);
                }
                DataSetBuilder b = common(info, "ct", info.seriesNumber(), info.seriesDescription(), z,
                        volume.width(), volume.height(), volume.pixelSpacingXMm(), volume.pixelSpacingYMm(),
                        volume.slicePositionZMm(z), volume.sliceThicknessMm(), fileName(temp, z));
                b.text(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL")
                        .decimal(Tag.KVP, volume.kvp())
                        .unsignedShort(Tag.BITS_STORED, 16)
                        .unsignedShort(Tag.HIGH_BIT, 15)
                        .unsignedShort(Tag.PIXEL_REPRESENTATION, 1)
                        .decimal(Tag.RESCALE_INTERCEPT, 0)
                        .decimal(Tag.RESCALE_SLOPE, 1)
                        .text(Tag.RESCALE_TYPE, Vr.LO, "HU")
                        .decimal(Tag.WINDOW_CENTER, 40)
                        .decimal(Tag.WINDOW_WIDTH, 400)
                        .bytes(Tag.PIXEL_DATA, Vr.OW, pixels);
                writeFile(b.build(), temp.resolve(fileName(temp, z)));
            }
        });
    }

    /** Writes {@code labels} as a derived label-map series (see the class comment) into the new folder {@code target}. */
    public static void writeLabels(LabelVolume labels, SeriesInfo info, Path target) throws DicomException {
        byte[] all = labels.labels();
        int n = labels.width() * labels.height();
        double[] z = labels.slicePositionsZMm();
        writeAtomically(target, temp -> {
            for (int k = 0; k < labels.depth(); k++) {
                byte[] pixels = new byte[n * 2];
                for (int i = 0; i < n; i++) {
                    pixels[2 * i] = all[k * n + i];
                }
                DataSetBuilder b = common(info, "labels", info.seriesNumber() + 1,
                        "VasCalc coronary labels 0 none 1 LM 2 LAD 3 LCX 4 RCA", k, labels.width(), labels.height(),
                        labels.pixelSpacingXMm(), labels.pixelSpacingYMm(), z[k], labels.sliceThicknessMm(),
                        fileName(temp, k));
                b.text(Tag.IMAGE_TYPE, Vr.CS, "DERIVED", "SECONDARY", "AXIAL", DicomSeriesReader.LABEL_MAP_IMAGE_TYPE)
                        .text(Tag.DERIVATION_DESCRIPTION, Vr.ST, "Coronary artery label map: 0 none, 1 LM, 2 LAD, 3 LCX, 4 RCA")
                        .text(Tag.KVP, Vr.DS)
                        .unsignedShort(Tag.BITS_STORED, 16)
                        .unsignedShort(Tag.HIGH_BIT, 15)
                        .unsignedShort(Tag.PIXEL_REPRESENTATION, 0)
                        .decimal(Tag.RESCALE_INTERCEPT, 0)
                        .decimal(Tag.RESCALE_SLOPE, 1)
                        .text(Tag.RESCALE_TYPE, Vr.LO, "US")
                        .decimal(Tag.WINDOW_CENTER, 2)
                        .decimal(Tag.WINDOW_WIDTH, 5)
                        .bytes(Tag.PIXEL_DATA, Vr.OW, pixels);
                writeFile(b.build(), temp.resolve(fileName(temp, k)));
            }
        });
    }

    private static String fileName(Path folder, int slice) {
        return String.format("IM%05d.dcm", slice + 1);
    }

    /** The attributes shared by CT and label-map slices. */
    private static DataSetBuilder common(SeriesInfo info, String kind, int seriesNumber, String description, int z,
                                         int width, int height, double spacingX, double spacingY, double zMm,
                                         double thickness, String source) {
        String date = DA.format(info.studyDate());
        String seed = info.uidSeed();
        return new DataSetBuilder(source)
                // SOP Common
                .text(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 100")
                .text(Tag.SOP_CLASS_UID, Vr.UI, CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, DicomUids.derive(seed, kind + "/instance/" + (z + 1)))
                // General Study
                .text(Tag.STUDY_DATE, Vr.DA, date)
                .text(Tag.SERIES_DATE, Vr.DA, date)
                .text(Tag.CONTENT_DATE, Vr.DA, date)
                .text(Tag.STUDY_TIME, Vr.TM, "120000")
                .text(Tag.SERIES_TIME, Vr.TM, "120000")
                .text(Tag.CONTENT_TIME, Vr.TM, "120000")
                .text(Tag.ACCESSION_NUMBER, Vr.SH)
                .text(Tag.MODALITY, Vr.CS, "CT")
                .text(Tag.MANUFACTURER, Vr.LO, "VasCalc")
                .text(Tag.REFERRING_PHYSICIAN_NAME, Vr.PN)
                .text(Tag.SERIES_DESCRIPTION, Vr.LO, description)
                .text(Tag.MANUFACTURER_MODEL_NAME, Vr.LO, "VasCalc synthetic CT")
                // Patient
                .text(Tag.PATIENT_NAME, Vr.PN, info.patientName())
                .text(Tag.PATIENT_ID, Vr.LO, info.patientId())
                .text(Tag.PATIENT_BIRTH_DATE, Vr.DA)
                .text(Tag.PATIENT_SEX, Vr.CS)
                // CT Image, General Series
                .text(Tag.BODY_PART_EXAMINED, Vr.CS, "HEART")
                .decimal(Tag.SLICE_THICKNESS, thickness)
                .text(Tag.SOFTWARE_VERSIONS, Vr.LO, DicomWriter.IMPLEMENTATION_VERSION_NAME)
                .text(Tag.PATIENT_POSITION, Vr.CS, "HFS")
                .text(Tag.STUDY_INSTANCE_UID, Vr.UI, DicomUids.derive(seed, "study"))
                .text(Tag.SERIES_INSTANCE_UID, Vr.UI, DicomUids.derive(seed, "series/" + kind))
                .text(Tag.STUDY_ID, Vr.SH, info.studyId())
                .integerString(Tag.SERIES_NUMBER, seriesNumber)
                .integerString(Tag.ACQUISITION_NUMBER, 1)
                .integerString(Tag.INSTANCE_NUMBER, z + 1)
                // Image Plane (axial; PixelSpacing is row spacing then column spacing)
                .decimal(Tag.IMAGE_POSITION_PATIENT, 0, 0, zMm)
                .decimal(Tag.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, 1, 0)
                .text(Tag.FRAME_OF_REFERENCE_UID, Vr.UI, DicomUids.derive(seed, "frame-of-reference"))
                .text(Tag.POSITION_REFERENCE_INDICATOR, Vr.LO)
                .decimal(Tag.SLICE_LOCATION, zMm)
                // Image Pixel
                .unsignedShort(Tag.SAMPLES_PER_PIXEL, 1)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .unsignedShort(Tag.ROWS, height)
                .unsignedShort(Tag.COLUMNS, width)
                .decimal(Tag.PIXEL_SPACING, spacingY, spacingX)
                .unsignedShort(Tag.BITS_ALLOCATED, 16);
    }

    private static void writeFile(DataSet ds, Path file) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface FolderContent {
        void writeInto(Path temp);
    }

    private static void writeAtomically(Path target, FolderContent content) throws DicomException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new DicomException(target + ": output folder already exists; choose a new folder name");
        }
        Path parent = absolute.getParent();
        Path temp = null;
        TemporaryOnExit watched = null;
        try {
            // not Files.createDirectories: phantom writes the series into its output folder while that is
            // still a temporary, and re-creating it after an exit clean-up removed it left it behind
            TemporaryOnExit.createDirectories(parent);
            // watched from its creation, under the exit's gate: deleted also if the JVM exits in the middle
            // (Ctrl-C skips finally), and not created at all once it is exiting
            watched = org.vascalc.imaging.output.OutputFolder.newSiblingDirectory(parent, "." + absolute.getFileName() + "-");
            temp = watched.temp();
            content.writeInto(temp);
            Path filled = temp;
            watched.commit(absolute, () -> {
                try {
                    Files.move(filled, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(filled, absolute);
                }
            });
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new DicomException(target + ": output folder appeared while writing; nothing written", e);
        } catch (IOException | UncheckedIOException e) {
            // the series by its folder's name and the reason alone: the full path may be a caller's temporary
            // folder and an UncheckedIOException's message is its cause's class name and message (review10:
            // ".../.ph-x.tmp/ct: cannot write series: java.io.IOException: No space left on device")
            throw new DicomException("series " + absolute.getFileName() + " not written: " + reason(e), e);
        } finally {
            if (watched != null) {
                watched.close();
            }
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Why a write failed, in the operating system's words: no exception class, no temporary file's name. */
    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden temp folder is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
