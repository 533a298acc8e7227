"""The file to hand spark-submit: `spark-submit [options] .../eventwire/spark/submit.py extract|dedup ...`.

spark-submit runs a .py file as __main__ with the file's directory first on sys.path, where this package's
modules (io, dedup, ...) would shadow top-level ones: drop that entry, then run the `eventwire spark`
commands through the real package, so the functions the tasks run are pickled by reference to
eventwire.spark and its per-worker Pipeline cache is one per process.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
        sys.path.pop(0)
    from eventwire.spark.__main__ import main

    main()
