"""Nitrate's pack format in Python: the one pack writer (writer.py) and the one memory loop (memory_loop.py)."""
