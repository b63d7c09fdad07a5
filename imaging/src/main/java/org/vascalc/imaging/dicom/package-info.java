/**
 * A small, strict DICOM layer for CT: Part-10 reading (Explicit and Implicit VR Little Endian, JPEG
 * Lossless through TwelveMonkeys), series reading into {@link org.vascalc.imaging.volume.CtVolume}, and
 * writing of CT Image Storage series and label-map series. Hand-written because no Maven Central library
 * reads and writes DICOM; see the module README for scope, validation and limits (DICOM PS3.5, PS3.6,
 * PS3.10).
 */
package org.vascalc.imaging.dicom;
