package dev.nitrate.app.preview;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.video.RgbPixels.Rgb8;

/**
 * A preview frame at the source view's size: the colorizer works at the preview height, its chroma is upsampled
 * bilinearly to the source frame's size and joined with the source's own full-resolution lightness, then given the
 * source's luma exactly ({@link LumaMatch}), as a render does. So the colour side of a wipe is as sharp as the gray one.
 */
final class SourceSizeColour {

    private SourceSizeColour() {}

    static Rgb8 of(Rgb8 colorized, Rgb8 source) {
        if (colorized.width() == source.width() && colorized.height() == source.height()) {
            return colorized;
        }
        LabImage small = CieLab.fromRgb8(colorized.rgb(), colorized.width(), colorized.height());
        FloatPlane a = Resampler.bilinear(small.a(), source.width(), source.height());
        FloatPlane b = Resampler.bilinear(small.b(), source.width(), source.height());
        FloatPlane lightness = CieLab.lightnessOfRgb8(source.rgb(), source.width(), source.height());
        byte[] rgb = LumaMatch.toRgb8(new LabImage(lightness, a, b), source.rgb());
        return new Rgb8(source.width(), source.height(), rgb);
    }
}
