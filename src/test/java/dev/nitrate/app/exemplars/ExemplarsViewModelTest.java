package dev.nitrate.app.exemplars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.exemplar.ExemplarFit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExemplarsViewModelTest {

    @TempDir
    Path dir;

    private Path picture(String name, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void addPinFitRemoveWithUndoAndRedo() throws Exception {
        ExemplarsViewModel model = new ExemplarsViewModel();
        AtomicInteger changes = new AtomicInteger();
        model.onChange(changes::incrementAndGet);
        ProjectExemplar red = model.add(picture("red.png", 0xff0000), 40, PinScope.SHOT, ExemplarFit.CROP);
        ProjectExemplar blue = model.add(picture("blue.png", 0x0000ff), 10, PinScope.FRAME, ExemplarFit.CROP);
        assertEquals(2, model.exemplars().size());
        assertEquals(blue, model.exemplars().get(0), "kept in frame order");
        assertEquals(64, red.sha256().length());

        model.pin(red, 5, PinScope.FRAME);
        assertEquals(5, model.exemplars().get(0).frame());
        ProjectExemplar moved = model.exemplars().get(0);
        model.setFit(moved, ExemplarFit.PAD);
        assertEquals(ExemplarFit.PAD, model.exemplars().get(0).fit());
        model.remove(model.exemplars().get(1));
        assertEquals(1, model.exemplars().size());

        model.undo();
        assertEquals(2, model.exemplars().size());
        model.undo();
        assertEquals(ExemplarFit.CROP, model.exemplars().get(0).fit());
        model.undo();
        assertEquals(40, model.exemplars().get(1).frame());
        assertTrue(model.canRedoProperty().get());
        model.redo();
        model.redo();
        model.redo();
        assertEquals(1, model.exemplars().size());
        assertFalse(model.canRedoProperty().get());
        assertEquals(11, changes.get(), "five changes, three undos and three redos are announced");
    }

    @Test
    void aFileThatIsNotAPictureIsRefusedWithItsName() throws Exception {
        ExemplarsViewModel model = new ExemplarsViewModel();
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        FilmException error = assertThrows(FilmException.class, () -> model.add(text, 0, PinScope.FRAME, ExemplarFit.CROP));
        assertTrue(error.getMessage().contains(text.toString()), error.getMessage());
        assertTrue(model.exemplars().isEmpty());
        assertFalse(model.canUndoProperty().get());
        assertThrows(FilmException.class, () -> model.add(dir.resolve("missing.png"), 0, PinScope.FRAME, ExemplarFit.CROP));
    }
}
