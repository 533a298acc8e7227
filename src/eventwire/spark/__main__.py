"""`python -m eventwire.spark extract|dedup ...`: the `eventwire spark` commands. cli.py is the only parser;
this entry point only puts `spark` in front of the arguments. Under spark-submit see submit.py."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from eventwire.cli import cli

    cli.main(["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="eventwire")


if __name__ == "__main__":
    main()
