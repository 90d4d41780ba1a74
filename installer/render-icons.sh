#!/bin/bash
# Renders icons/nitrate.svg into the PNG sizes the installers use (needs ImageMagick).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../icons"
for size in 16 32 48 64 128 256 512; do
    convert -background none -density 288 nitrate.svg -resize "${size}x${size}" -depth 8 -strip "nitrate-$size.png"
done
ls -l nitrate-*.png
# Windows: one .ico with the sizes Explorer and the taskbar use. (macOS's .icns is made on the
# Mac by installer/macos/build-macos.sh with iconutil.)
convert nitrate-16.png nitrate-32.png nitrate-48.png nitrate-64.png nitrate-128.png nitrate-256.png nitrate.ico
ls -l nitrate.ico
