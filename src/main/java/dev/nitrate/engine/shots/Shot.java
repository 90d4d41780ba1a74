package dev.nitrate.engine.shots;

/**
 * A run of frames between hard cuts.
 *
 * @param first the shot's first frame
 * @param last the shot's last frame (inclusive)
 */
public record Shot(long first, long last) {

    public Shot {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a shot: " + first + "-" + last);
        }
    }

    public long frameCount() {
        return last - first + 1;
    }

    public boolean contains(long frame) {
        return frame >= first && frame <= last;
    }
}
