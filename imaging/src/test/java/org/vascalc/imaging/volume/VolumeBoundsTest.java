package org.vascalc.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A voxel outside the volume is refused with its indices and the volume's size, on each axis and at
 * each end (not read from a neighbouring row or slice of the flat array), and every geometry argument is
 * checked by name. Mutation testing (docs/testing.md, imaging 2026-12-04) found these refusals untested.
 */
class VolumeBoundsTest {

    private static final double[] Z = {-10, -7};

    /** 2 x 3 x 2, HU = 100 z + 10 y + x, so a read from the wrong voxel shows. */
    private static CtVolume ct() {
        short[] hu = new short[12];
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 2; x++) {
                    hu[(z * 3 + y) * 2 + x] = (short) (100 * z + 10 * y + x);
                }
            }
        }
        return new CtVolume(2, 3, 2, hu, 0.5, 0.6, Z, 3, 120);
    }

    private static LabelVolume labels() {
        byte[] l = new byte[12];
        for (int i = 0; i < l.length; i++) {
            l[i] = (byte) (i % 5);
        }
        return new LabelVolume(2, 3, 2, l, 0.5, 0.6, Z, 3);
    }

    @Test
    void everyCornerVoxelIsReadFromItsPlace() {
        CtVolume v = ct();
        assertThat(v.hu(0, 0, 0)).isEqualTo((short) 0);
        assertThat(v.hu(1, 2, 1)).isEqualTo((short) 121);
        assertThat(v.hu(1, 0, 1)).isEqualTo((short) 101);
        assertThat(v.hu(0, 2, 0)).isEqualTo((short) 20);
        assertThat(labels().label(1, 2, 1)).isEqualTo(11 % 5);
        assertThat(labels().label(0, 0, 0)).isZero();
    }

    @Test
    void aVoxelOutsideTheVolumeIsRefusedNamingItAndTheSize() {
        CtVolume v = ct();
        LabelVolume l = labels();
        int[][] outside = {{-1, 0, 0}, {2, 0, 0}, {0, -1, 0}, {0, 3, 0}, {0, 0, -1}, {0, 0, 2}};
        for (int[] p : outside) {
            String expected = "voxel (" + p[0] + "," + p[1] + "," + p[2] + ") outside 2x3x2";
            assertThatThrownBy(() -> v.hu(p[0], p[1], p[2])).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage(expected);
            assertThatThrownBy(() -> l.label(p[0], p[1], p[2])).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage(expected);
        }
    }

    @Test
    void aSliceOutsideTheVolumeIsRefusedAndTheLastIsItsOwn() {
        CtVolume v = ct();
        assertThat(v.slice(1)).containsExactly(100, 101, 110, 111, 120, 121);
        assertThat(v.slice(0)).hasSize(6).endsWith((short) 21);
        assertThatThrownBy(() -> v.slice(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("slice 2 outside 0..1");
        assertThatThrownBy(() -> v.slice(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("slice -1 outside 0..1");
    }

    @Test
    void eachGeometryArgumentIsCheckedByName() {
        short[] one = new short[1];
        double[] z0 = {0};
        assertThatThrownBy(() -> new CtVolume(0, 1, 1, one, 1, 1, z0, 1, 120))
                .hasMessage("dimensions must be >= 1, got width=0 height=1 depth=1");
        assertThatThrownBy(() -> new CtVolume(1, 0, 1, one, 1, 1, z0, 1, 120))
                .hasMessageContaining("height=0");
        assertThatThrownBy(() -> new CtVolume(1, 1, 0, one, 1, 1, new double[0], 1, 120))
                .hasMessageContaining("depth=0");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, one, 1, -0.5, z0, 1, 120))
                .hasMessage("pixel spacing y (mm) must be finite and > 0, got -0.5");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, one, Double.POSITIVE_INFINITY, 1, z0, 1, 120))
                .hasMessageContaining("pixel spacing x (mm) must be finite");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, one, 1, 1, z0, 0, 120))
                .hasMessage("slice thickness (mm) must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, one, 1, 1, z0, 1, 0))
                .hasMessage("kvp (kV) must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, one, 1, 1, new double[] {0, 1}, 1, 120))
                .hasMessage("slice positions has 2 entries, expected depth = 1");
        assertThatThrownBy(() -> new CtVolume(1, 1, 2, new short[2], 1, 1, new double[] {0, Double.NaN}, 1, 120))
                .hasMessage("slice position 1 is not finite: NaN");
        assertThatThrownBy(() -> new CtVolume(1, 1, 3, new short[3], 1, 1, new double[] {0, 2, 1}, 1, 120))
                .hasMessage("slice positions must increase strictly, but slice 2 is at 1.0 mm after 2.0 mm");
        assertThatThrownBy(() -> new CtVolume(1, 1, 1, one, 1, 1, z0, 1, 120, 90, 0))
                .hasMessageContaining("stack tilt must be 0 to < 90 degrees, got 90.0");
        assertThat(new CtVolume(1, 1, 1, one, 1, 1, z0, 1, 120, 89.9, 0).stackTiltDeg()).isEqualTo(89.9);
        // LabelVolume shares the check
        assertThatThrownBy(() -> new LabelVolume(1, 1, 1, new byte[1], 1, 1, z0, Double.NaN))
                .hasMessageContaining("slice thickness (mm) must be finite");
        assertThatThrownBy(() -> new LabelVolume(2, 1, 1, new byte[1], 1, 1, z0, 1))
                .hasMessage("labels has 1 voxels, expected 2*1*1 = 2");
    }

    @Test
    void theVoxelLimitIsCheckedBeforeAnyArrayIsNeeded() {
        // MAX_VOXELS = 2^31 - 9; a volume of exactly that many passes the count and fails on the missing array
        int max = (int) CtVolume.MAX_VOXELS;
        assertThatThrownBy(() -> new CtVolume(max, 1, 1, null, 1, 1, new double[] {0}, 1, 120))
                .isInstanceOf(NullPointerException.class).hasMessage("hu");
        assertThatThrownBy(() -> new CtVolume(max + 1, 1, 1, null, 1, 1, new double[] {0}, 1, 120))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("volume of " + (max + 1) + "x1x1 voxels exceeds the limit of " + CtVolume.MAX_VOXELS);
        // 65536 x 65536 x 1 overflows an int product (to 0): the count is taken in long
        assertThatThrownBy(() -> new LabelVolume(65536, 65536, 1, null, 1, 1, new double[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void aLabelMapOnAnotherGridDoesNotMatch() {
        CtVolume ct = ct();
        byte[] l = new byte[12];
        assertThat(new LabelVolume(2, 3, 2, l, 0.5, 0.6, Z, 3).matches(ct)).isTrue();
        assertThat(new LabelVolume(3, 2, 2, l, 0.5, 0.6, Z, 3).matches(ct)).isFalse();
        assertThat(new LabelVolume(2, 3, 2, l, 0.6, 0.5, Z, 3).matches(ct)).isFalse();
        assertThat(new LabelVolume(2, 3, 2, l, 0.5, 0.6, new double[] {-10, -6}, 3).matches(ct)).isFalse();
        assertThat(new LabelVolume(2, 3, 2, l, 0.5, 0.6, Z, 2.5).matches(ct)).isFalse();
        assertThat(new LabelVolume(2, 6, 1, l, 0.5, 0.6, new double[] {-10}, 3).matches(ct)).isFalse();
        assertThat(new LabelVolume(2, 3, 2, l, 0.5, 0.6, Z, 3)).isEqualTo(LabelVolume.emptyLike(ct))
                .hasSameHashCodeAs(LabelVolume.emptyLike(ct));
        assertThat(labels()).isNotEqualTo(LabelVolume.emptyLike(ct));
    }

    @Test
    void theArteryCodesAreTheFixedTableAndNothingElse() {
        // 0 none, 1 LM, 2 LAD, 3 LCX, 4 RCA (written into label-map files, never renumbered)
        assertThat(CoronaryArtery.values()).extracting(CoronaryArtery::code)
                .containsExactly((byte) 1, (byte) 2, (byte) 3, (byte) 4);
        assertThat(CoronaryArtery.ofCode(1)).isEqualTo(CoronaryArtery.LM);
        assertThat(CoronaryArtery.LCX.displayName()).isEqualTo("left circumflex");
        assertThat(CoronaryArtery.isValidCode(0)).isTrue();
        assertThat(CoronaryArtery.isValidCode(4)).isTrue();
        assertThat(CoronaryArtery.isValidCode(5)).isFalse();
        assertThat(CoronaryArtery.isValidCode(-1)).isFalse();
        assertThatThrownBy(() -> CoronaryArtery.ofCode(0))
                .hasMessage("label code 0 is not an artery (allowed: 1 LM, 2 LAD, 3 LCX, 4 RCA)");
        assertThatThrownBy(() -> CoronaryArtery.ofCode(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
