package dev.nitrate.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.compare.FigureReading.Colour;
import dev.nitrate.app.compare.FigureReading.Steadiness;
import dev.nitrate.app.compare.ShotFigures.Figures;
import org.junit.jupiter.api.Test;

/** Which side the words give each figure to: the higher colourfulness, the lower CDC, and never a paler side's low CDC. */
class FigureReadingTest {

    @Test
    void higherColourfulnessIsMoreColourfulAndLowerCdcIsSteadierWhenBothAreAsColourful() {
        Figures steady = new Figures(30, 0.010);
        Figures flickering = new Figures(30.5, 0.020);
        assertEquals(new FigureReading(Colour.AS_COLOURFUL, Steadiness.STEADIER), FigureReading.of(steady, flickering));
        assertEquals(new FigureReading(Colour.AS_COLOURFUL, Steadiness.LESS_STEADY), FigureReading.of(flickering, steady));
        assertEquals(Colour.MORE_COLOURFUL, FigureReading.of(new Figures(40, 0.01), new Figures(20, 0.01)).colour());
        assertEquals(Colour.LESS_COLOURFUL, FigureReading.of(new Figures(20, 0.01), new Figures(40, 0.01)).colour());
    }

    @Test
    void aPalerSidesLowerCdcIsNotCalledSteadier() {
        Figures pale = new Figures(3, 0.004);
        Figures colourful = new Figures(35, 0.009);
        assertEquals(new FigureReading(Colour.LESS_COLOURFUL, Steadiness.LOWER_BUT_PALER), FigureReading.of(pale, colourful));
        assertEquals(new FigureReading(Colour.MORE_COLOURFUL, Steadiness.HIGHER_BUT_MORE_COLOURFUL), FigureReading.of(colourful, pale));
        assertTrue(FigureReading.line(pale, FigureReading.of(pale, colourful), null).contains("lower only because paler"));
    }

    @Test
    void aMoreColourfulSideThatIsAlsoSteadierGetsBoth() {
        Figures better = new Figures(35, 0.004);
        Figures worse = new Figures(10, 0.009);
        assertEquals(new FigureReading(Colour.MORE_COLOURFUL, Steadiness.STEADIER), FigureReading.of(better, worse));
        assertEquals(new FigureReading(Colour.LESS_COLOURFUL, Steadiness.LESS_STEADY), FigureReading.of(worse, better));
    }

    @Test
    void smallDifferencesAreCalledAboutTheSame() {
        Figures a = new Figures(20.0, 0.0100);
        Figures b = new Figures(20.8, 0.0104);
        assertEquals(new FigureReading(Colour.AS_COLOURFUL, Steadiness.AS_STEADY), FigureReading.of(a, b));
        assertEquals(new FigureReading(Colour.AS_COLOURFUL, Steadiness.AS_STEADY), FigureReading.of(b, a));
    }

    @Test
    void theLineShowsBothFiguresTheirReadingAndTheSourcesOwnCdc() {
        Figures side = new Figures(23.45, 0.012345);
        String line = FigureReading.line(side, new FigureReading(Colour.MORE_COLOURFUL, Steadiness.STEADIER), new Figures(0, 0.011));
        assertEquals("Colourfulness 23.5 (more colourful)\nCDC 0.01235 (steadier colour; gray source alone 0.01100)", line);
    }
}
