package org.vascalc.imaging.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic DICOM UIDs under the root "2.25", which PS3.5 section B.2 reserves for UIDs made from
 * a UUID written as one unsigned decimal integer (ITU-T X.667). We derive the UUID as a name-based
 * (version 3, MD5) UUID of {@code seed + "/" + purpose}, so the same synthetic case always gets the same
 * study, series, frame-of-reference and instance UIDs, and different cases or purposes get different
 * ones. At most 5 + 39 = 44 characters, within the 64 allowed.
 */
public final class DicomUids {

    private DicomUids() {
    }

    /** "2.25." + the UUID of {@code seed/purpose} as an unsigned integer. */
    public static String derive(String seed, String purpose) {
        UUID uuid = UUID.nameUUIDFromBytes((seed + "/" + purpose).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }
}
