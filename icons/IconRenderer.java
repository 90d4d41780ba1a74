import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Draws icons/nitrate.svg with Java2D at the usual icon sizes: java icons/IconRenderer.java (from the repository root). */
public final class IconRenderer {

    public static void main(String[] args) throws Exception {
        Path resources = Path.of("src/main/resources/dev/nitrate/app/icons");
        Files.createDirectories(resources);
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            BufferedImage image = draw(size);
            File out = new File("icons/nitrate-" + size + ".png");
            ImageIO.write(image, "png", out);
            if (size <= 256) {
                Files.copy(out.toPath(), resources.resolve(out.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x1b1e23));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 104, 104));
        g.setColor(new Color(0x3a3f48));
        for (int y : new int[] {34, 206}) {
            for (int x = 44; x < 200; x += 40) {
                g.fill(new RoundRectangle2D.Double(x, y, 20, 16, 8, 8));
            }
            g.fill(new RoundRectangle2D.Double(204, y, 12, 16, 8, 8));
        }
        RoundRectangle2D frame = new RoundRectangle2D.Double(40, 64, 176, 128, 20, 20);
        g.setClip(frame);
        g.setPaint(new GradientPaint(0, 64, new Color(0xd9dbde), 0, 192, new Color(0x5b6068)));
        g.fillRect(40, 64, 88, 128);
        g.setPaint(new LinearGradientPaint(128, 64, 216, 192, new float[] {0, 0.5f, 1},
                new Color[] {new Color(0xffb347), new Color(0xff5c7a), new Color(0x3fb8ff)}));
        g.fillRect(128, 64, 88, 128);
        g.setClip(null);
        g.setColor(new Color(0xf5f7fa));
        g.fill(new RoundRectangle2D.Double(124, 52, 8, 152, 8, 8));
        g.fill(new Ellipse2D.Double(108, 108, 40, 40));
        g.setColor(new Color(0x1b1e23));
        Path2D arrows = new Path2D.Double();
        arrows.moveTo(114, 128);
        arrows.lineTo(123, 120);
        arrows.lineTo(123, 136);
        arrows.closePath();
        arrows.moveTo(142, 128);
        arrows.lineTo(133, 120);
        arrows.lineTo(133, 136);
        arrows.closePath();
        g.fill(arrows);
        g.dispose();
        return image;
    }
}
