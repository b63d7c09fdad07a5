package org.vascalc.imaging.dicom;

/**
 * A parsed DICOM Part-10 file: its File Meta Information (group 0002), transfer syntax and data set.
 *
 * @param source the file name used in messages
 */
public record DicomFile(String source, TransferSyntax transferSyntax, DataSet meta, DataSet dataSet) {
}
