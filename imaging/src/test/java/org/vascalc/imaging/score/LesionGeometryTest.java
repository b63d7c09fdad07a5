package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vascalc.imaging.volume.CtVolume;

/**
 * Where a lesion is and which voxels it holds, on hand-built grids: lesions on the edges of the image
 * stay whole and do not wrap into the next row or slice, the voxel indices name the right slice, and
 * the centroid is the mean pixel position times the spacing. Mutation testing (docs/testing.md,
 * imaging 2026-12-04) found the edge bounds, the voxel indices and the centroid unchecked.
 */
class LesionGeometryTest {

    private static final double EXACT = 1e-9;

    /**
     * Five 2x2 boxes of 450 HU (1 mm&sup2; at 0.5 mm: each exactly at the 1 mm&sup2; gate, 3 mm&sup3; in 3-D),
     * none touching another in 2-D or 3-D: A at the right edge (rows 2-3), B at the left edge of the
     * next rows (4-5), C at the top edge, D at the bottom edge of slice 0, E at the top of slice 1 just
     * beyond D's columns. A row that ran past the right edge would reach B; a column past the bottom
     * of slice 0 would reach E.
     */
    private static Grids edges() {
        return new Grids(16, 16, 2, 40)
                .box(0, 14, 2, 2, 2, 450) // A
                .box(0, 0, 4, 2, 2, 450) // B
                .box(0, 2, 0, 2, 2, 450) // C
                .box(0, 6, 14, 2, 2, 450) // D
                .box(1, 8, 0, 2, 2, 450); // E
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Connectivity.class)
    void lesionsOnTheImageEdgesStayWholeAndDoNotWrapIntoTheNextRowOrSlice(Connectivity connectivity) {
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withConnectivity(connectivity))
                .score(edges().volume(0.5, 3.0, 120));
        assertThat(s.lesions()).hasSize(5).allSatisfy(l -> {
            assertThat(l.voxelCount()).isEqualTo(4);
            assertThat(l.agatston()).isCloseTo(1.0 * 4, within(EXACT));
        });
        assertThat(s.agatston()).isCloseTo(20.0, within(EXACT));
    }

    @Test
    void aLesionsVoxelIndicesAreItsOwnVoxelsInItsOwnSlice() {
        // 2x3 box at columns 40-41, rows 40-42 of slice 1 in a 64x64 grid: index (z * 64 + y) * 64 + x
        Grids g = new Grids(64, 64, 2, 40).box(1, 40, 40, 2, 3, 250);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(g.volume(0.5, 3.0, 120));
        int[] expected = new int[6];
        int k = 0;
        for (int y = 40; y <= 42; y++) {
            for (int x = 40; x <= 41; x++) {
                expected[k++] = (64 + y) * 64 + x;
            }
        }
        assertThat(s.lesions()).singleElement().satisfies(l -> {
            assertThat(l.voxels()).containsExactlyInAnyOrder(expected);
            assertThat(l.firstSlice()).isEqualTo(1);
            assertThat(l.lastSlice()).isEqualTo(1);
        });
    }

    @Test
    void theCentroidIsTheMeanPixelPositionTimesTheSpacingOnEachAxis() {
        // columns 40-41 (mean 40.5) at 0.5 mm, rows 40-42 (mean 41) at 0.7 mm: spacing differs per axis
        Grids g = new Grids(64, 64, 1, 40).box(0, 40, 40, 2, 3, 250);
        CtVolume ct = new CtVolume(64, 64, 1, g.hu, 0.5, 0.7, new double[] {0}, 3.0, 120);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(ct);
        assertThat(s.lesions()).singleElement().satisfies(l -> {
            assertThat(l.centroidXMm()).isCloseTo(40.5 * 0.5, within(EXACT));
            assertThat(l.centroidYMm()).isCloseTo(41 * 0.7, within(EXACT));
            assertThat(l.areaMm2()).isCloseTo(6 * 0.35, within(EXACT));
        });
    }
}
