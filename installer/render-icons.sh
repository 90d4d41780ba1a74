#!/bin/bash
# Makes the Windows icon icons/nitrate.ico from the PNG sizes that icons/IconRenderer.java
# draws (java icons/IconRenderer.java). Needs ImageMagick. macOS's .icns is made on the Mac by
# installer/macos/build-macos.sh with iconutil.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../icons"
convert nitrate-16.png nitrate-32.png nitrate-48.png nitrate-64.png nitrate-128.png nitrate-256.png nitrate.ico
ls -l nitrate.ico
