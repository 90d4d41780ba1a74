#!/bin/sh
# Computes expected.json ONCE with the independent scorer vceval.py (numpy + ffmpeg).
# The Java tests read expected.json and the PNG frames; they need neither Python nor ../shared.
#
# How the inputs were made (ffmpeg 5.1, Debian 12), from the project's media folder ../shared/media (licences in SOURCES.md there):
#   ffmpeg -i cup.mp4 -vf "select='between(n,40,45)',scale=160:120:flags=bicubic" -vsync 0 -pix_fmt rgb24 -start_number 0 gt/%05d.png
#   ffmpeg -i box.mp4 -vf "select='between(n,100,105)',scale=160:120:flags=bicubic" -vsync 0 -pix_fmt rgb24 -start_number 6 gt/%05d.png
#   ffmpeg -start_number 0 -i gt/%05d.png -vf "hue=H='0.5*sin(2*n)':s='0.6+0.2*cos(n)'" -pix_fmt rgb24 -start_number 0 out/%05d.png
# gt/ is a 12-frame colour clip with a hard cut before frame 6; out/ is a "colorized" version whose hue
# and saturation wobble from frame to frame.
#
# Run from this folder:  sh make_expected.sh PATH/TO/vceval.py > expected.json   (e.g. ../../../../../../shared/tools/vceval.py)
set -e
VCEVAL=${1:?usage: sh make_expected.sh PATH/TO/vceval.py > expected.json}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/gt0" "$TMP/gt1" "$TMP/out0" "$TMP/out1"
for i in 0 1 2 3 4 5; do
  j=$((i + 6))
  cp "gt/0000$i.png" "$TMP/gt0/$(printf %05d $i).png";  cp "out/0000$i.png" "$TMP/out0/$(printf %05d $i).png"
  cp "gt/$(printf %05d $j).png" "$TMP/gt1/$(printf %05d $i).png"; cp "out/$(printf %05d $j).png" "$TMP/out1/$(printf %05d $i).png"
done
/usr/bin/python3 - "$VCEVAL" "$TMP" <<'PY'
import importlib.util, json, subprocess, sys
vceval_path, tmp = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("vceval", vceval_path)
v = importlib.util.module_from_spec(spec)
spec.loader.exec_module(v)

def cli(*args):
    return json.loads(subprocess.run(["/usr/bin/python3", vceval_path, *args], capture_output=True, text=True, check=True).stdout)

def raw(gt, out):
    ps, ss, hs, co, cg, dl = [], [], [], [], [], 0.0
    size = v.probe(gt)
    for g, o in zip(v.frames(gt), v.frames(out, None, size)):
        ps.append(v.psnr(g, o)); ss.append(v.ssim(g, o)); hs.append(v.hist(o))
        co.append(v.colorfulness(o)); cg.append(v.colorfulness(g))
        dl = max(dl, float(v.np.max(v.np.abs(v.luma(g) - v.luma(o)))))
    return {"frames": len(ps), "psnr": float(v.np.mean(ps)), "ssim": float(v.np.mean(ss)), "cdc": v.cdc(hs),
            "colorfulness": float(v.np.mean(co)), "colorfulness_gt": float(v.np.mean(cg)), "max_luma_drift": dl}

result = {"vceval_cli": {}, "unrounded": {}}
for name, gt, out in [("clip", "gt/%05d.png", "out/%05d.png"),
                      ("shot0", tmp + "/gt0/%05d.png", tmp + "/out0/%05d.png"),
                      ("shot1", tmp + "/gt1/%05d.png", tmp + "/out1/%05d.png")]:
    result["vceval_cli"][name] = cli("metrics", gt, out)
    result["unrounded"][name] = raw(gt, out)
for kind in ("gray", "static"):
    result["vceval_cli"]["baseline_" + kind] = cli("baseline", "gt/%05d.png", kind)
print(json.dumps(result, indent=2))
PY
