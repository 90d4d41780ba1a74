#!/bin/bash
# Builds Nitrate's macOS disk image (.dmg). Run ON A MAC WITH APPLE SILICON from anywhere:
#   installer/macos/build-macos.sh
# Needs: JDK 25 (JAVA_HOME; its jpackage), Maven, Xcode command line tools (iconutil).
# Output: target/installer/macos/Nitrate-<version>.dmg, and the command-line launcher inside
# the app: Nitrate.app/Contents/app/nitrate (link it into /usr/local/bin).
# NOT RUN IN THIS PROJECT: written from the Linux build (installer/build-linux.sh), untested.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
out=target/installer/macos
version=$(grep -m1 '<version>' pom.xml | sed 's/.*<version>\(.*\)<\/version>.*/\1/')

rm -rf target/lib
mvn -B -q package -DskipTests -Dnative.platform=macosx-arm64

rm -rf "$out"
stage=$out/input
mkdir -p "$stage/native/onnxruntime"
cp target/nitrate.jar "$stage/"
cp -r target/lib "$stage/lib"
ort_jar=$(ls "$stage"/lib/onnxruntime-*.jar)
# ONNX Runtime: the osx-aarch64 .dylib files (not their 73 MB of dSYM debug data) become files.
unzip -q -j "$ort_jar" 'ai/onnxruntime/native/osx-aarch64/*.dylib' -d "$stage/native/onnxruntime"
zip -q -d "$ort_jar" 'ai/onnxruntime/native/*'
# the command-line launcher (sets ORT_DISABLE_TELEMETRY, which jpackage's launcher cannot)
install -m 0755 installer/macos/nitrate "$stage/nitrate"

iconset=$out/Nitrate.iconset
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
    cp "icons/nitrate-$size.png" "$iconset/icon_${size}x${size}.png"
done
for size in 16 32 128 256; do
    cp "icons/nitrate-$((size * 2)).png" "$iconset/icon_${size}x${size}@2x.png" 2>/dev/null || true
done
iconutil -c icns "$iconset" -o "$out/Nitrate.icns"

"$JAVA_HOME/bin/jpackage" @installer/macos/dmg.args \
    --input "$stage" --dest "$out" --app-version "$version" --icon "$out/Nitrate.icns"
ls -lh "$out"/*.dmg
