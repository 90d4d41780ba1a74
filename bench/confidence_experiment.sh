#!/usr/bin/env bash
# The confidence correlations and the exemplar-suggestion experiment (docs/confidence.md) on the development
# clips: one table row per clip. Usage: bench/confidence_experiment.sh MEDIA_DIR [MAX_FRAMES] [extra evaluate options]
set -euo pipefail
media=${1:?usage: bench/confidence_experiment.sh MEDIA_DIR [MAX_FRAMES] [options]}
max=${2:-0}
shift; shift || true
export ORT_DISABLE_TELEMETRY=1
jar=${NITRATE_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/nitrate.jar}
for clip in box.mp4 cup.mp4 tree.avi motion.mov; do
  java -jar "$jar" evaluate "$media/$clip" --suggestion-experiment --max-frames "$max" "$@" 2>/dev/null
done | awk '{print} / gain / {n++; p+=$7; f+=$11; b+=$14; s+=$17; m+=$20; g+=$22; if ($22 > 0) w++}
  END {if (n) printf "mean of %d clips: rho(pixel) %.3f  rho(frame) %.3f  PSNR frame0 %.3f  +suggested %.3f  +middle %.3f  gain %+.3f dB (suggestion wins on %d)\n", n, p/n, f/n, b/n, s/n, m/n, g/n, w}'
