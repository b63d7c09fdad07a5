package org.vascalc.simulation.stories;

import java.util.List;

/**
 * One figure of {@code docs/stories.md}: the stories overlaid (one line each) and the channels drawn
 * after the three CT-versus-ground-truth panels. The simulation module has no chart renderer; the CLI's
 * {@code StoryFiguresTest} draws these with the same renderer as {@code vascalc simulate}.
 *
 * @param file     file name under {@code docs/img/}
 * @param stories  story names ({@link StoryRuns#STORIES}), in legend order
 * @param channels channel ids drawn after the ground-truth panels
 */
public record StoryFigure(String file, List<String> stories, List<String> channels) {

    public StoryFigure {
        stories = List.copyOf(stories);
        channels = List.copyOf(channels);
    }

    /** The page's figures: the K2 switch story and the statin story. */
    public static final List<StoryFigure> ALL = List.of(
            new StoryFigure("story-k2-warfarin-then-mk7.png", List.of("no-warfarin", "warfarin-then-usual-diet",
                    "warfarin-then-mk7"), List.of("wall.aorta.medialMineral")),
            new StoryFigure("story-statin.png", List.of("no-statin", "statin"),
                    List.of("cacMass", "wall.lad.plaqueVolume", "riskMi")));
}
