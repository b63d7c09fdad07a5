package org.vascalc.imaging.phantom;

import java.util.List;

/**
 * A synthetic cardiac CT to make: acquisition, where the coronary tree sits, and its deposits.
 *
 * @param name        short identifier, used in file names and reports
 * @param acquisition scan protocol
 * @param offsetMm    translation of the whole coronary tree (x, y, z), mm
 * @param lesions     deposits
 */
public record PhantomSpec(String name, AcquisitionSpec acquisition, double[] offsetMm, List<LesionSpec> lesions) {

    /**
     * @throws org.vascalc.core.input.InvalidInputException naming every field outside its range, with the
     *         value, unit and allowed range ({@link PhantomSpecCheck}: the same ranges and messages as a spec file)
     */
    public PhantomSpec {
        offsetMm = offsetMm == null ? null : offsetMm.clone();
        lesions = List.copyOf(lesions);
        PhantomSpecCheck.require(name, acquisition, offsetMm, lesions);
    }

    @Override
    public double[] offsetMm() {
        return offsetMm.clone();
    }

    public PhantomSpec withOffset(double x, double y, double z) {
        return new PhantomSpec(name, acquisition, new double[] {x, y, z}, lesions);
    }

    public PhantomSpec withAcquisition(AcquisitionSpec a) {
        return new PhantomSpec(name, a, offsetMm, lesions);
    }

    public PhantomSpec withLesions(String newName, List<LesionSpec> l) {
        return new PhantomSpec(newName, acquisition, offsetMm, l);
    }
}
