package dev.nitrate.app;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icon buttons in one style. */
public final class Icons {

    private Icons() {}

    public static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }

    public static Button button(String literal, String tooltip, Runnable action) {
        Button button = new Button(null, icon(literal));
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("icon-button");
        button.setOnAction(e -> action.run());
        return button;
    }

    public static Button labelled(String literal, String text, Runnable action) {
        Button button = new Button(text, icon(literal));
        button.setOnAction(e -> action.run());
        return button;
    }
}
