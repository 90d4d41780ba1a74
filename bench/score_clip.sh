#!/bin/sh
# The standard protocol on one colour clip, scored by vceval (docs/builtin-pack.md):
#   bench/score_clip.sh JAR VCEVAL GT WORK [nitrate colorize options, e.g. --pack DIR]
# GT is a colour clip (a video or a PNG pattern such as dir/frame_%06d.png). Writes WORK/gray (the grayscale
# film vceval gives a colorizer), WORK/ex.png (colour frame 0, the exemplar), WORK/out (lossless PNG output)
# and prints one JSON line of vceval metrics for the output and one for the static baseline.
set -eu
jar=$1; vceval=$2; gt=$3; work=$4; shift 4
mkdir -p "$work"
python3 "$vceval" gray "$gt" "$work/gray"
python3 "$vceval" frame "$gt" 0 "$work/ex.png"
ORT_DISABLE_TELEMETRY=1 java -jar "$jar" colorize "$work/gray" -e "$work/ex.png@0" -o "$work/out" --format png "$@" >/dev/null
python3 "$vceval" metrics "$gt" "$work/out/frame_%06d.png"
python3 "$vceval" baseline "$gt" static
