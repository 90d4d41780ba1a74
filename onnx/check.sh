#!/bin/sh
# The Python half of the test suite, run by `mvn verify` (skip it with -DskipPythonChecks):
# the exporter's and the built-in pack's unit tests, then the full-size ColorMNet parity run
# (seeded random weights, PyTorch reference loop vs the Java engine).
set -eu
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1
PY=/usr/bin/python3
echo "== exporter unit tests"
(cd onnx && "$PY" -m unittest discover -s tests -t .)
echo "== built-in pack unit tests"
(cd onnx/builtin && "$PY" -m unittest test_builtin)
echo "== full-size parity"
onnx/run_full_parity.sh
