package dev.nitrate.app;

import dev.nitrate.app.adapters.EngineExemplarFitter;
import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.app.adapters.EngineRenderer;
import dev.nitrate.app.adapters.EngineShotFigures;
import dev.nitrate.app.adapters.EngineShotFinder;
import dev.nitrate.app.adapters.OrtDeviceProbe;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.TaskLanes;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What the editor's TestFX flows share: the editor's services on the real engine adapters, and exemplar pictures. */
final class EditorTestKit {

    private EditorTestKit() {}

    /** The services the composition root makes, with the given colorizers and app-data folder. */
    static Services services(SlowColorizerFactory colorizers, Path appData, TaskLanes tasks) {
        return new Services(new EngineFilmOpener(), new EngineShotFinder(), new EngineExemplarFitter(), colorizers,
                new EngineShotFigures(), new EngineRenderer(colorizers), new OrtDeviceProbe(), new ProjectStore(), appData, tasks);
    }

    /** A PNG whose left half is {@code rgb} and right half mid-gray. */
    static Path halfColourPicture(Path file, int width, int height, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? rgb : 0x808080);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
