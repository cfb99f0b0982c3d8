"""Expected errors keep their message and lose their traceback in Prefect's run logs; bugs keep theirs."""

from __future__ import annotations

import logging
import sys

from tasks.pipeline.prefect_logs import ExpectedErrorFilter
from tasks.problems import UserError


def record(exc: BaseException, message: str = "Task run failed with exception") -> logging.LogRecord:
    try:
        raise exc
    except BaseException:
        info = sys.exc_info()
    return logging.LogRecord("prefect.task_runs", logging.ERROR, __file__, 1, message, None, info)


def test_a_user_error_loses_its_traceback_and_the_engines_repeat():
    kept = record(UserError("folder bersama tidak dapat diakses"), "Finished in state Failed")
    assert ExpectedErrorFilter().filter(kept) and kept.exc_info is None
    assert not ExpectedErrorFilter().filter(record(UserError("x"), "Task run failed with exception: UserError"))
    assert not ExpectedErrorFilter().filter(record(UserError("x"), "Engine execution exited with unexpected exception"))


def test_a_bug_keeps_its_traceback():
    bug = record(KeyError("kolom"))
    assert ExpectedErrorFilter().filter(bug) and bug.exc_info is not None


def test_the_problem_lines_of_an_invalid_run_stay_off_the_console_of_a_command_that_prints_them():
    from prefect.logging.handlers import PrefectConsoleHandler

    from tasks.pipeline.prefect_logs import PROBLEM_LINE, ProblemLineFilter, console_without_problem_lines

    line = logging.LogRecord("prefect.task_runs", logging.ERROR, __file__, 1, "RAK-2024.xlsx: …", None, None)
    setattr(line, PROBLEM_LINE, True)
    other = logging.LogRecord("prefect.task_runs", logging.WARNING, __file__, 1, "realisasi: …", None, None)
    assert not ProblemLineFilter().filter(line) and ProblemLineFilter().filter(other)
    handler = PrefectConsoleHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        console_without_problem_lines()
        console_without_problem_lines()  # once, however often the command asks
        assert sum(isinstance(f, ProblemLineFilter) for f in handler.filters) == 1
    finally:
        root.removeHandler(handler)
