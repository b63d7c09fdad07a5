package org.vascalc.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CtVolumeTest {

    private static CtVolume twoByThreeByTwo() {
        short[] hu = new short[2 * 3 * 2];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (short) (i * 10 - 50);
        }
        return new CtVolume(2, 3, 2, hu, 0.5, 0.6, new double[] {-10, -7}, 3, 120);
    }

    @Test
    void voxelsAreXFastestThenRowsThenSlices() {
        CtVolume v = twoByThreeByTwo();
        assertThat(v.voxelCount()).isEqualTo(12);
        assertThat(v.hu(1, 0, 0)).isEqualTo((short) -40);
        assertThat(v.hu(0, 1, 0)).isEqualTo((short) -30);
        assertThat(v.hu(0, 0, 1)).isEqualTo((short) 10);
        assertThat(v.slice(1)).hasSize(6).startsWith((short) 10);
    }

    @Test
    void inputArraysAreCopiedSoTheVolumeCannotChange() {
        short[] hu = new short[4];
        double[] z = {0, 1};
        CtVolume v = new CtVolume(2, 1, 2, hu, 1, 1, z, 1, 120);
        hu[0] = 99;
        z[0] = -5;
        v.huVoxels()[1] = 7;
        assertThat(v.hu(0, 0, 0)).isZero();
        assertThat(v.hu(1, 0, 0)).isZero();
        assertThat(v.slicePositionZMm(0)).isZero();
    }

    @Test
    void inconsistentGeometryIsRejectedWithTheOffendingValue() {
        assertThatThrownBy(() -> new CtVolume(2, 2, 1, new short[3], 1, 1, new double[] {0}, 1, 120))
                .hasMessageContaining("3 voxels");
        assertThatThrownBy(() -> new CtVolume(1, 1, 2, new short[2], 1, 1, new double[] {0, 0}, 1, 120))
                .hasMessageContaining("increase strictly");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, new short[1], 0, 1, new double[] {0}, 1, 120))
                .hasMessageContaining("pixel spacing x");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, new short[1], 1, 1, new double[] {0}, 1, Double.NaN))
                .hasMessageContaining("kvp");
        assertThatThrownBy(() -> twoByThreeByTwo().hu(2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void labelVolumeRejectsReservedCodesAndMatchesItsCtGrid() {
        CtVolume ct = twoByThreeByTwo();
        LabelVolume empty = LabelVolume.emptyLike(ct);
        assertThat(empty.matches(ct)).isTrue();
        byte[] labels = new byte[12];
        labels[7] = 5;
        assertThatThrownBy(() -> new LabelVolume(2, 3, 2, labels, 0.5, 0.6, new double[] {-10, -7}, 3))
                .hasMessageContaining("label 5 at voxel (1,0,1)");
        labels[7] = CoronaryArtery.LAD.code();
        assertThat(new LabelVolume(2, 3, 2, labels, 0.5, 0.6, new double[] {-10, -7}, 3).label(1, 0, 1))
                .isEqualTo(2);
        assertThat(CoronaryArtery.ofCode(4)).isEqualTo(CoronaryArtery.RCA);
    }

    /** review8: a sheared stack's tilt and the stated gantry tilt are kept, checked, and part of equality. */
    @Test
    void stackAndGantryTiltAreKeptCheckedAndCompared() {
        short[] hu = new short[4];
        double[] z = {0, 3};
        CtVolume straight = new CtVolume(2, 1, 2, hu, 0.5, 0.5, z, 3, 120);
        assertThat(straight.stackTiltDeg()).isZero();
        assertThat(straight.gantryTiltDeg()).isZero();
        CtVolume sheared = new CtVolume(2, 1, 2, hu, 0.5, 0.5, z, 3, 120, 15, 15);
        assertThat(sheared.stackTiltDeg()).isEqualTo(15);
        assertThat(sheared).isNotEqualTo(straight);
        assertThat(sheared.toString()).contains("sheared stack 15.0 deg").contains("gantry tilt 15.0 deg");
        assertThat(new CtVolume(2, 1, 2, hu, 0.5, 0.5, z, 3, 120, 0, -12).gantryTiltDeg()).isEqualTo(-12);
        assertThatThrownBy(() -> new CtVolume(2, 1, 2, hu, 0.5, 0.5, z, 3, 120, -1, 0))
                .hasMessageContaining("stack tilt must be 0 to < 90 degrees, got -1.0");
        assertThatThrownBy(() -> new CtVolume(2, 1, 2, hu, 0.5, 0.5, z, 3, 120, 0, Double.NaN))
                .hasMessageContaining("gantry tilt must be finite");
    }
}
