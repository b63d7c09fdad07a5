/**
 * The image types shared by the DICOM layer, the synthetic CT and the scorer: an axial HU volume and a
 * coronary label volume on the same grid, with the label code table in {@link CoronaryArtery}.
 */
package org.vascalc.imaging.volume;
