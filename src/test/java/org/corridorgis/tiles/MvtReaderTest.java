package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The test's own tile decoder against the worked examples of the Mapbox Vector Tile specification 2.1 (section 4.3.5). */
class MvtReaderTest {

    private static List<int[]> part(List<List<int[]>> parts, int i) {
        return parts.get(i);
    }

    @Test
    void pointsLinesAndPolygonsOfTheSpecification() {
        // a point at (25, 17): MoveTo(1) = 9, zigzag(25) = 50, zigzag(17) = 34
        List<List<int[]>> point = MvtReader.decodeGeometry(List.of(9, 50, 34), 1);
        assertThat(point).hasSize(1);
        assertThat(part(point, 0).get(0)).containsExactly(25, 17);
        // a multipoint (5, 7), (3, 2): MoveTo(2) = 17, then +5 +7, then -2 -5
        List<List<int[]>> multi = MvtReader.decodeGeometry(List.of(17, 10, 14, 3, 9), 1);
        assertThat(multi).hasSize(2);
        assertThat(part(multi, 0).get(0)).containsExactly(5, 7);
        assertThat(part(multi, 1).get(0)).containsExactly(3, 2);
        // a line (2,2) (2,10) (10,10)
        List<List<int[]>> line = MvtReader.decodeGeometry(List.of(9, 4, 4, 18, 0, 16, 16, 0), 2);
        assertThat(line).hasSize(1);
        assertThat(part(line, 0)).hasSize(3);
        assertThat(part(line, 0).get(1)).containsExactly(2, 10);
        assertThat(part(line, 0).get(2)).containsExactly(10, 10);
        // a polygon (3,6) (8,12) (20,34), closed
        List<List<int[]>> polygon = MvtReader.decodeGeometry(List.of(9, 6, 12, 18, 10, 12, 24, 44, 15), 3);
        assertThat(polygon).hasSize(1);
        assertThat(part(polygon, 0)).hasSize(4);
        assertThat(part(polygon, 0).get(2)).containsExactly(20, 34);
        assertThat(part(polygon, 0).get(3)).containsExactly(3, 6);
        // negative moves: zigzag(1) = -1, zigzag(3) = -2
        List<List<int[]>> back = MvtReader.decodeGeometry(List.of(9, 1, 3), 1);
        assertThat(part(back, 0).get(0)).containsExactly(-1, -2);
    }

    @Test
    void malformedCommandsAreRefused() {
        assertThatThrownBy(() -> MvtReader.decodeGeometry(List.of(10, 2, 2), 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MvtReader.decodeGeometry(List.of(9, 2, 2, 15), 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MvtReader.decodeGeometry(List.of(12), 3)).isInstanceOf(IllegalStateException.class);
    }
}
