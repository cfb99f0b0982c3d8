"""The `lkip` command: validate, inspect, capaian, template, carry-over, run, serve, trigger, rekap,
sintetis, check-template.

Messages to the user are Indonesian. Exit codes: 0 valid, 1 a problem blocks the report,
2 a usage error (wrong arguments, a path that does not exist), 3 an internal error (a bug).
"""

from __future__ import annotations

import argparse
import os
import sys

from flows.cli import forms, inputs, national, runs, templates
from flows.cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, print_problems
from flows.serve import ServerError
from tasks.problems import InputError, UserError
from tasks.publishing.lock import RunLockError
from tasks.publishing.names import PublishError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lkip",
        description="Laporan kinerja (LKIP) dan laporan bulanan KPU dari RAK dan realisasi triwulan.",
        epilog="Contoh: lkip validate data/pasaman-barat-2024   |   lkip inspect data/pasaman-barat-2024/RAK-2024.xlsx"
               " --json")
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    for module in (inputs, forms, runs, national, templates):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"lkip {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (PublishError, RunLockError, ServerError) as exc:
        print(f"GALAT: {exc.message}" + (f" Saran: {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return EXIT_INVALID
    except InputError as exc:
        print_problems(exc.problems, stream=sys.stderr)
        return EXIT_INVALID
    except UserError as exc:  # any other expected failure: its message and what to do, no traceback
        print(f"GALAT: {exc.message}" + (f" Saran: {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug of ours: say so plainly; LKIP_DEBUG=1 shows the traceback
        if os.environ.get("LKIP_DEBUG"):
            raise
        print(f"lkip {args.command}: kesalahan internal ({type(exc).__name__}: {exc}). Masukan tidak diubah. "
              "Jalankan ulang dengan LKIP_DEBUG=1 dan laporkan keluarannya.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
