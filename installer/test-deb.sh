#!/bin/bash
# Proof that the .deb installs and runs, in one command:
#
#   installer/test-deb.sh [--no-build] [build-linux.sh options, e.g. --offline]
#
# 1. builds the .deb (installer/build-linux.sh), 2. unpacks it into a temporary root with
# dpkg-deb -x, 3. checks the package (dependencies, desktop entry, icon, natives),
# 4. runs the installed `nitrate info` and `nitrate colorize` on the demo film (taken out of the
# installed jar), 5. starts the installed editor under Xvfb at 1600x1000 and takes a screenshot,
# 6. checks that nothing was written into the install folder, that native caches went to
# ~/.cache/nitrate and that ONNX Runtime left no telemetry files.
# Needs: xvfb, imagemagick (import), x11-utils (xwininfo), ffprobe (ffmpeg). Output, screenshot
# included: target/installer/test/.
set -euo pipefail

build=true
build_args=()
for arg in "$@"; do
    case $arg in
        --no-build) build=false ;;
        *) build_args+=("$arg") ;;
    esac
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
for tool in dpkg-deb Xvfb import xwininfo ffprobe unzip file; do
    command -v "$tool" >/dev/null || { echo "test-deb.sh: '$tool' is needed" >&2; exit 1; }
done

failures=0
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

if $build; then
    start=$SECONDS
    installer/build-linux.sh "${build_args[@]}"
    echo "build took $((SECONDS - start)) s"
fi
debs=(target/installer/cpu/nitrate_*.deb)
[[ -f ${debs[0]} ]] || { echo "test-deb.sh: no .deb in target/installer/cpu (run without --no-build)" >&2; exit 1; }
deb=${debs[0]}
echo "package: $deb ($(du -h "$deb" | cut -f1))"

out=target/installer/test
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
root=$(mktemp -d /tmp/nitrate-deb.XXXXXX)
home=$root/home/archivist
xvfb_pid=
editor_pid=
cleanup() {
    [[ -n $editor_pid ]] && kill "$editor_pid" 2>/dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT

# -- the package ---------------------------------------------------------------------------
dpkg-deb -x "$deb" "$root"
dpkg-deb -f "$deb" Package Version Depends Installed-Size > "$out/control.txt"
mkdir -p "$root/usr/bin" "$home"
ln -s ../../opt/nitrate/bin/nitrate "$root/usr/bin/nitrate"   # what postinst does (absolute there)
nitrate=$root/usr/bin/nitrate
install=$root/opt/nitrate
touch "$out/unpacked.stamp"
sleep 1

check "Depends names libgtk-3-0" grep -qE '^Depends:.*\blibgtk-3-0\b' "$out/control.txt"
desktop=$install/lib/nitrate-Nitrate.desktop
check "desktop entry is installed" test -f "$desktop"
exec_path=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon_path=$(sed -n 's/^Icon=//p' "$desktop")
check "desktop entry runs the nitrate launcher ($exec_path)" test -x "$root$exec_path"
check "desktop entry icon exists ($icon_path)" test -s "$root$icon_path"
check "bin/nitrate is the only launcher" bash -c "test -x '$install/bin/nitrate' && test \$(ls '$install/bin' | wc -l) -eq 1"
check "postinst links /usr/bin/nitrate" bash -c "dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./postinst | grep -q 'ln -sf /opt/nitrate/bin/nitrate /usr/bin/nitrate'"
foreign=$(find "$root" \( -name '*.dll' -o -name '*.dylib' -o -name '*.jnilib' \) | head -5)
check "no Windows or macOS libraries" test -z "$foreign"
non_x64=$(find "$install" -type f \( -name '*.so' -o -name '*.so.*' \) -exec file {} + | grep -v 'x86-64' | head -5 || true)
check "every shared library is linux x86-64" test -z "$non_x64"
inner=$(for jar in "$install"/lib/app/*.jar "$install"/lib/app/lib/*.jar; do
    unzip -Z1 "$jar" | grep -E '\.(so|so\.[0-9.]+|dll|dylib)$' | grep -v '/linux-x86_64' | sed "s|^|${jar##*/}: |"
done || true)
check "jars carry no natives except JavaCPP's linux-x86_64" test -z "$inner"
app_jar=$install/lib/app/nitrate.jar
check "demo film and exemplar are in the jar" bash -c "unzip -Z1 '$app_jar' | grep -qx demo/demo-film.mp4 && unzip -Z1 '$app_jar' | grep -qx demo/demo-exemplar.png"
check "built-in pack is in the jar (packs/builtin/pack.json)" bash -c "unzip -Z1 '$app_jar' | grep -qx packs/builtin/pack.json"

# -- the command line ----------------------------------------------------------------------
unzip -p "$app_jar" demo/demo-film.mp4 > "$out/demo-film.mp4"
unzip -p "$app_jar" demo/demo-exemplar.png > "$out/demo-exemplar.png"
# java.io.tmpdir of its own, to see whether anything is unpacked into it
mkdir -p "$root/tmp"
# user.home too: Java takes it from /etc/passwd, not from $HOME
export NITRATE_JAVA_OPTIONS="-Djava.io.tmpdir=$root/tmp -Duser.home=$home"
run_nitrate() { env -u XDG_CACHE_HOME -u DISPLAY HOME="$home" "$nitrate" "$@"; }

start=$SECONDS
if run_nitrate info "$out/demo-film.mp4" > "$out/info.txt" 2>&1; then
    pass "nitrate info ($((SECONDS - start)) s)"
else
    fail "nitrate info (exit status $?)"
fi
sed 's/^/      /' "$out/info.txt"

# the first 30 frames (1 s) of the demo film, its colour frame 0 as the exemplar
colorize_args=(colorize "$out/demo-film.mp4" --exemplar "$out/demo-exemplar.png" --output "$out/colorized.mp4" --frames "${NITRATE_COLORIZE_FRAMES:-0-29}")
start=$SECONDS
if run_nitrate "${colorize_args[@]}" > "$out/colorize.txt" 2>&1; then
    pass "nitrate colorize ($((SECONDS - start)) s)"
else
    fail "nitrate colorize (exit status $?)"
fi
tail -n 15 "$out/colorize.txt" | sed 's/^/      /'
if [[ -s $out/colorized.mp4 ]]; then
    frames=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=nb_read_frames,codec_name,width,height -of csv=p=0 "$out/colorized.mp4")
    echo "      colorized.mp4: $frames (codec,width,height,frames)"
    # mean saturation of a middle frame: a grayscale film has none
    saturation=$(ffmpeg -v error -ss 0.5 -i "$out/colorized.mp4" -frames:v 1 -f image2pipe -vcodec png - | convert png:- -colorspace HSL -channel G -separate -format '%[fx:mean]' info:)
    echo "      mean saturation of the frame at 0.5 s: $saturation"
    check "colorized film has colour" awk -v s="$saturation" 'BEGIN { exit !(s > 0.05) }'
else
    fail "colorize wrote $out/colorized.mp4"
fi

# -- the editor ----------------------------------------------------------------------------
exec 3> "$out/xvfb.display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [[ -s $out/xvfb.display ]] && break; sleep 0.2; done
display=:$(head -1 "$out/xvfb.display")
start=$SECONDS
editor_args=(${NITRATE_EDITOR_ARGS:-})
env -u XDG_CACHE_HOME HOME="$home" DISPLAY="$display" "$nitrate" "${editor_args[@]}" > "$out/editor.log" 2>&1 &
editor_pid=$!
# the editor opens the demo project by itself; its title then names the project file
title_pattern=${NITRATE_EDITOR_TITLE:-demo.nitrate}
window=
for _ in $(seq 180); do
    window=$(DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -E '"[^"]*Nitrate[^"]*": \(' | head -1 || true)
    [[ $window == *"$title_pattern"* ]] && break
    kill -0 "$editor_pid" 2>/dev/null || break
    sleep 1
done
if [[ $window == *"$title_pattern"* ]]; then
    pass "editor shows the demo project after $((SECONDS - start)) s:$(echo "$window" | sed 's/ *0x[0-9a-f]* //')"
    # the window paints a little after its title changes: wait until the screen is not blank,
    # then give the frame and the timeline thumbnails a few seconds to draw
    shot=$out/editor-1600x1000.png
    spread=0
    for _ in $(seq 60); do
        DISPLAY=$display import -window root "$shot"
        spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info: | sed 's/.*nan.*/0/')
        awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' && break
        sleep 2
    done
    sleep "${NITRATE_SCREENSHOT_DELAY:-5}"
    DISPLAY=$display import -window root "$shot"
    spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info: | sed 's/.*nan.*/0/')
    check "screenshot is not blank (grey-level spread $spread): $shot" awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }'
else
    fail "editor did not show '$title_pattern' (last window: ${window:-none}; see $out/editor.log)"
fi
check "editor still running" kill -0 "$editor_pid" 2>/dev/null
kill "$editor_pid" 2>/dev/null || true
wait "$editor_pid" 2>/dev/null || true
editor_pid=
tail -n 10 "$out/editor.log" | sed 's/^/      /'

# -- what the runs left behind -------------------------------------------------------------
written=$(find "$install" -newer "$out/unpacked.stamp" | head -5)
check "nothing written into the install folder" test -z "$written"
check "native caches in ~/.cache/nitrate" test -d "$home/.cache/nitrate/javacpp"
check "no ~/.javacpp or ~/.openjfx" bash -c "! test -e '$home/.javacpp' && ! test -e '$home/.openjfx'"
check "no ONNX Runtime telemetry files (~/.cache/Microsoft)" test ! -e "$home/.cache/Microsoft"
check "no native libraries unpacked into java.io.tmpdir" bash -c "! find '$root/tmp' -name '*.so*' | grep -q ."
(cd "$home" && find . -maxdepth 4 | sort) > "$out/home-after.txt"

echo
echo "installed size: $(du -sh "$install" | cut -f1)   package: $(du -h "$deb" | cut -f1)"
if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all checks passed"
