"""What the tuning and evaluation tools need from outside the repository, always named by the caller.

- The media folder (clips and photographs such as box.mp4, astronaut.png, coffee.png, chelsea.png):
  pass --media DIR, or set NITRATE_MEDIA=DIR. There is no default folder.
- The unpacked nsfwjs 4.4.0 npm package (onnx/builtin/SOURCES.md): --nsfwjs DIR or NSFWJS=DIR.
- vceval.py, the project's independent scorer: its folder must be on PYTHONPATH.
"""
import os

MEDIA_VARIABLE = "NITRATE_MEDIA"
NSFWJS_VARIABLE = "NSFWJS"


def media_folder(explicit=None):
    """The media folder the caller named (argument first, then $NITRATE_MEDIA); exits when none is named."""
    folder = explicit or os.environ.get(MEDIA_VARIABLE)
    if not folder:
        raise SystemExit(f"name the media folder: pass --media DIR or set {MEDIA_VARIABLE}=DIR")
    if not os.path.isdir(folder):
        raise SystemExit(f"{folder}: no such media folder")
    return folder


def nsfwjs_folder(explicit=None):
    """The unpacked nsfwjs package the caller named (argument first, then $NSFWJS); exits when none is named."""
    folder = explicit or os.environ.get(NSFWJS_VARIABLE)
    if not folder:
        raise SystemExit(f"name the unpacked nsfwjs package: pass --nsfwjs DIR or set {NSFWJS_VARIABLE}=DIR")
    if not os.path.isdir(folder):
        raise SystemExit(f"{folder}: no such nsfwjs package folder")
    return folder


def import_vceval():
    """The independent scorer's module; exits with a clear line when its folder is not on PYTHONPATH."""
    try:
        import vceval
    except ImportError:
        raise SystemExit("vceval.py (the independent scorer) is not importable: put its folder on PYTHONPATH") from None
    return vceval
