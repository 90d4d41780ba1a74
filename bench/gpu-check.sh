#!/bin/sh
# One-command GPU check (issue 13): builds the CUDA variant, exports the full ColorMNet architecture with
# seeded random weights in fp32 and fp16 (onnx/export_colormnet.py --fp16-out), runs the full-size parity
# check on CUDA, benchmarks 960x536 and 1920x1080 with both packs (full memory: 10 working frames and 10,000
# long-term elements), and compares fp16 with fp32 on a real clip (max |delta ab| and PSNR).
#
#   bench/gpu-check.sh [OUT_DIR]          (default target/gpu-check; a folder this script made, or a new one)
#
# Needs an NVIDIA GPU with CUDA 12 and cuDNN 9 (docs/installing.md), /usr/bin/python3 with torch and onnx,
# Maven and ffmpeg. On a machine without CUDA it stops at once with one line and exit status 1.
# It builds into target/ with -Pgpu: run `mvn -q -B package -DskipTests` afterwards for the CPU jar again.
set -eu
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1
OUT=${1:-target/gpu-check}

fail() { echo "gpu-check: $*" >&2; exit 1; }

command -v nvidia-smi >/dev/null 2>&1 || fail "no CUDA GPU here (nvidia-smi not found); nothing was built or measured"
GPU=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -1) \
    || fail "no CUDA GPU here (nvidia-smi finds no device); nothing was built or measured"
[ -n "$GPU" ] || fail "no CUDA GPU here (nvidia-smi lists no device); nothing was built or measured"
ldconfig -p 2>/dev/null | grep -q 'libcudart.so.12' || [ -n "${LD_LIBRARY_PATH:-}" ] \
    || fail "found $GPU but no CUDA 12 runtime (libcudart.so.12); see docs/installing.md"

if [ -e "$OUT" ] && [ ! -f "$OUT/.nitrate-gpu-check" ]; then
    fail "$OUT exists and was not made by this script; choose another folder"
fi
mkdir -p "$OUT"
touch "$OUT/.nitrate-gpu-check"
LOG="$OUT/summary.txt"
: > "$LOG"
say() { echo "$*" | tee -a "$LOG"; }
say "GPU: $GPU"

say "== building the CUDA variant (-Pgpu: onnxruntime_gpu instead of onnxruntime)"
mvn -q -B -Pgpu package -DskipTests
mvn -q -B -Pgpu test-compile
CP="target/test-classes:target/classes:target/lib/*"
ls target/lib | grep -q '^onnxruntime_gpu-' || fail "the build did not put onnxruntime_gpu on the classpath"
if ls target/lib | grep -q '^onnxruntime-[0-9]'; then fail "both ONNX Runtime jars are in target/lib; clean it (mvn clean) and rerun"; fi

say "== exporting the full architecture, seeded random weights, fp32 and fp16"
if [ ! -f "$OUT/pack/pack.json" ] || [ ! -f "$OUT/pack16/pack.json" ]; then
    rm -rf "$OUT/pack" "$OUT/pack16"
    /usr/bin/python3 onnx/export_colormnet.py --random-init 7 --config full --out "$OUT/pack" --fp16-out "$OUT/pack16"
fi

say "== full-size parity on CUDA (onnx/run_full_parity.sh's fixture, 1e-3)"
PARITY="$OUT/parity"
if [ ! -f "$PARITY/fixture.json" ]; then
    rm -rf "$PARITY"
    mkdir -p "$PARITY" && touch "$PARITY/.nitrate-parity"
    /usr/bin/python3 onnx/reference/make_parity_fixture.py --modules colormnet-full --out "$PARITY" \
        --clip src/test/resources/media/cup.mp4 --width 300 --height 110 --frames 10 --separate-exemplar-frames 0 \
        --memory '{"top_k": 30, "mem_every": 2, "min_mid_term_frames": 2, "max_mid_term_frames": 3, "num_prototypes": 64, "max_long_term_elements": 150, "deep_update": true}'
fi
if ! mvn -q -B -Pgpu test -Dtest=ParityTest -DskipPythonChecks -Dnitrate.parity.device=cuda \
        -Dnitrate.parity.dir="$(cd "$PARITY" && pwd)" > "$OUT/parity.txt" 2>&1; then
    fail "parity on CUDA failed; see $OUT/parity.txt"
fi
grep '^parity' "$OUT/parity.txt" | tee -a "$LOG"

CLIP=src/test/resources/media/cup.mp4
gpu_memory() {  # samples the GPU's memory in use every 0.2 s into $1 until the file $2 disappears
    while [ -f "$2" ]; do nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits | head -1 >> "$1"; sleep 0.2; done
}
for size in 960x536 1920x1080; do
    for variant in pack pack16; do
        say "== bench $size $variant (cuda, full memory)"
        flag="$OUT/running"; touch "$flag"; : > "$OUT/gpu-mem-$size-$variant.txt"
        gpu_memory "$OUT/gpu-mem-$size-$variant.txt" "$flag" &
        java -jar target/nitrate.jar bench "$CLIP" --pack "$OUT/$variant" --size "$size" --device cuda \
            --fill-memory --readout-memory 1024 --warmup 3 --frames 20 > "$OUT/bench-$size-$variant.txt"
        rm -f "$flag"; wait
        grep -E 'Pack|frame |Frames per second|Peak RSS' "$OUT/bench-$size-$variant.txt" | tee -a "$LOG"
        say "GPU memory in use, most seen: $(sort -n "$OUT/gpu-mem-$size-$variant.txt" | tail -1) MiB (whole device)"
    done
done

say "== fp16 against fp32 on $CLIP (960x536, cuda)"
java -cp "$CP" dev.nitrate.bench.PackCompare --a "$OUT/pack" --b "$OUT/pack16" --clip "$CLIP" --size 960x536 \
    --frames 20 --device cuda | tail -2 | tee -a "$LOG"
say "done: $LOG"
