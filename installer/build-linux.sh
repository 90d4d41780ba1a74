#!/bin/bash
# Builds Nitrate's Linux app-image and .deb with jpackage.
#
#   installer/build-linux.sh [--gpu] [--offline] [--skip-maven] [--app-image-only]
#
#   --gpu             ONNX Runtime with CUDA (Maven profile `gpu`); default: the CPU runtime
#   --offline         pass -o to Maven (everything already in ~/.m2)
#   --skip-maven      package what target/ already holds (after your own `mvn package`)
#   --app-image-only  stop after the app-image
#
# Output: target/installer/<cpu|gpu>/Nitrate (app-image) and target/installer/<cpu|gpu>/*.deb.
# NITRATE_ICON overrides the icon (default: icons/nitrate-256.png or icons/nitrate.png).
# JPACKAGE_JDK picks the JDK whose jpackage and jmods are used (default: the system JDK 17).
set -euo pipefail

flavour=cpu
maven_flags=()
skip_maven=false
deb=true
for arg in "$@"; do
    case $arg in
        --gpu) flavour=gpu ;;
        --offline) maven_flags+=(-o) ;;
        --skip-maven) skip_maven=true ;;
        --app-image-only) deb=false ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "build-linux.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
jdk=${JPACKAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v jpackage || echo /usr/lib/jvm/java-17-openjdk-amd64/bin/jpackage)")")")}
jpackage=$jdk/bin/jpackage
[[ -x $jpackage ]] || { echo "build-linux.sh: no jpackage in $jdk (set JPACKAGE_JDK)" >&2; exit 1; }
for tool in unzip zip fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "build-linux.sh: '$tool' is needed (apt-get install $tool)" >&2; exit 1; }
done
version=$(grep -m1 -oP '(?<=<version>)[^<]+' pom.xml)
out=target/installer/$flavour
step_start=$SECONDS
step() { echo "== $1 ($((SECONDS - step_start)) s so far)"; }

if ! $skip_maven; then
    step "maven package ($flavour)"
    # copy-dependencies never deletes: a CPU jar left over from an earlier build would sit
    # beside the GPU one (same package names), so start from an empty lib/.
    rm -rf target/lib
    profile=()
    [[ $flavour == gpu ]] && profile=(-Pgpu)
    mvn -B -q "${maven_flags[@]}" "${profile[@]}" package -Dmaven.test.skip=true
fi
[[ -f target/nitrate.jar && -d target/lib ]] || { echo "build-linux.sh: target/nitrate.jar or target/lib missing (run without --skip-maven)" >&2; exit 1; }

step "staging the application files"
rm -rf "$out"
input=$out/input
mkdir -p "$input/native/onnxruntime"
cp target/nitrate.jar "$input/"
cp -r target/lib "$input/lib"

ort_jars=("$input"/lib/onnxruntime*.jar)
[[ ${#ort_jars[@]} == 1 && -f ${ort_jars[0]} ]] || { echo "build-linux.sh: expected one ONNX Runtime jar in target/lib, found: ${ort_jars[*]}" >&2; exit 1; }
if [[ $flavour == gpu ]]; then
    [[ ${ort_jars[0]} == *onnxruntime_gpu-* ]] || { echo "build-linux.sh: --gpu but target/lib has ${ort_jars[0]##*/}" >&2; exit 1; }
else
    [[ ${ort_jars[0]} != *onnxruntime_gpu-* ]] || { echo "build-linux.sh: CPU build but target/lib has ${ort_jars[0]##*/}" >&2; exit 1; }
fi
# ONNX Runtime: the linux-x64 libraries become files under lib/app/native/onnxruntime (loaded
# through -Donnxruntime.native.path); every platform's copy leaves the jar.
unzip -q -j "${ort_jars[0]}" 'ai/onnxruntime/native/linux-x64/*' -d "$input/native/onnxruntime"
zip -q -d "${ort_jars[0]}" 'ai/onnxruntime/native/*'
# The engine offers the CPU and CUDA providers only: TensorRT's provider is left out.
rm -f "$input/native/onnxruntime/libonnxruntime_providers_tensorrt.so"
# JavaFX: the .so files go beside the JavaFX jars, where JavaFX loads them without a cache.
for fx in "$input"/lib/javafx-*-linux.jar; do
    if [[ $(unzip -Z1 "$fx" | grep -c '\.so$' || true) -gt 0 ]]; then
        unzip -q -o -j "$fx" '*.so' -d "$input/lib"
        zip -q -d "$fx" '*.so'
    fi
done
# Nothing for another platform may remain (JavaCPP's are chosen by -Djavacpp.platform in the pom).
foreign=$(for jar in "$input"/nitrate.jar "$input"/lib/*.jar; do
    unzip -Z1 "$jar" | grep -v '\.class$' | grep -E '\.(dll|dylib|jnilib)$|(^|/)(windows|macosx|osx|win|linux-(aarch64|arm64|armhf|ppc64le|riscv64)|android|ios)-[a-z0-9_]+/' | sed "s|^|${jar##*/}: |"
done || true)
if [[ -n $foreign ]]; then
    echo "build-linux.sh: natives for another platform:" >&2
    echo "$foreign" | head -20 >&2
    exit 1
fi

icon=${NITRATE_ICON:-}
[[ -n $icon ]] || for candidate in icons/nitrate-256.png icons/nitrate.png; do
    [[ -f $candidate ]] && { icon=$candidate; break; }
done
[[ -n $icon ]] || { echo "build-linux.sh: no application icon (icons/nitrate-256.png or icons/nitrate.png)" >&2; exit 1; }

step "jpackage app-image"
"$jpackage" @installer/linux/app-image.args \
    --input "$input" --dest "$out" --app-version "$version" --icon "$icon"
install -m 0755 installer/linux/nitrate "$out/Nitrate/bin/nitrate"
# One way in: jpackage's own launcher could not set ORT_DISABLE_TELEMETRY or the cache folders,
# so it goes; bin/nitrate reads the options jpackage wrote into lib/app/Nitrate.cfg.
rm "$out/Nitrate/bin/Nitrate" "$out/Nitrate/lib/libapplauncher.so"
rm -rf "$input"
app_seconds=$((SECONDS - step_start))

if $deb; then
    step "jpackage deb"
    description="Exemplar-based colorization of grayscale films (ColorMNet)"
    [[ $flavour == gpu ]] && description+=", CUDA build"
    # gzip instead of xz: the .deb is a little larger and builds about 6 times faster.
    DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} \
        "$jpackage" @installer/linux/deb.args \
        --app-image "$out/Nitrate" --dest "$out" --app-version "$version" \
        --linux-package-name nitrate --description "$description" --icon "$icon"
    if [[ $flavour == gpu ]]; then
        for file in "$out"/nitrate_*.deb; do mv "$file" "${file/nitrate_/nitrate-gpu_}"; done
    fi
fi

step "done"
echo "app-image: $out/Nitrate ($(du -sh "$out/Nitrate" | cut -f1), built in ${app_seconds} s)"
for file in "$out"/*.deb; do
    [[ -f $file ]] && echo "deb:       $file ($(du -h "$file" | cut -f1))"
done
echo "total:     $((SECONDS - step_start)) s"
