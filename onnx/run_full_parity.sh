#!/bin/sh
# Full-size parity: exports the full ColorMNet architecture with seeded random weights, runs the
# Python reference loop on the committed clip src/test/resources/media/cup.mp4 (non-square, with
# consolidation and long-term eviction), then checks the Java engine against it on every
# frame (ParityTest, 1e-3 in tanh units).
#   onnx/run_full_parity.sh [OUT_DIR]      (about 5-10 min on 2 cores)
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-target/full-parity}
# Only a folder this script made before (it holds the marker) is emptied; anything else is refused.
if [ -e "$OUT" ]; then
    if [ ! -f "$OUT/.nitrate-parity" ]; then
        echo "run_full_parity.sh: $OUT exists and was not made by this script; choose another folder" >&2
        exit 1
    fi
    rm -rf "$OUT"
fi
mkdir -p "$OUT"
touch "$OUT/.nitrate-parity"
/usr/bin/python3 onnx/reference/make_parity_fixture.py --modules colormnet-full --out "$OUT" \
    --clip src/test/resources/media/cup.mp4 \
    --width 300 --height 110 --frames 10 --separate-exemplar-frames 0 \
    --memory '{"top_k": 30, "mem_every": 2, "min_mid_term_frames": 2, "max_mid_term_frames": 3, "num_prototypes": 64, "max_long_term_elements": 150, "deep_update": true}'
ORT_DISABLE_TELEMETRY=1 mvn -o -q -B test -Dtest=ParityTest -Dnitrate.parity.dir="$(cd "$OUT" && pwd)"
echo "full-size parity passed ($OUT)"
