package dev.nitrate.engine.video;

/** The video codecs Nitrate writes, with the FFmpeg encoder that writes each and the codec name a reader reports. */
public enum VideoCodec {
    H264("libx264", "h264"),
    H265("libx265", "hevc"),
    /** FFV1: lossless, intra-only, 8 to 16 bits, YUV or RGB; for archives. */
    FFV1("ffv1", "ffv1");

    private final String encoderName;
    private final String codecName;

    VideoCodec(String encoderName, String codecName) {
        this.encoderName = encoderName;
        this.codecName = codecName;
    }

    /** FFmpeg's encoder, e.g. {@code libx264}. */
    public String encoderName() {
        return encoderName;
    }

    /** The codec name FFmpeg reports when reading the result, e.g. {@code h264}. */
    public String codecName() {
        return codecName;
    }

    /** Whether every frame is stored exactly as given, whatever the settings. */
    public boolean alwaysLossless() {
        return this == FFV1;
    }

    /** Whether this FFmpeg build has the encoder. */
    public boolean isAvailable() {
        FfmpegSupport.init();
        var encoder = org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name(encoderName);
        return encoder != null && !encoder.isNull();
    }
}
