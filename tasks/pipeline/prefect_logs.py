"""Expected errors in Prefect's logs: told once, as their Indonesian message, never as a traceback.

A run that stops on an expected error (a UserError: invalid inputs, the shared folder, the run lock,
publishing) ends in a Failed state whose message says why; Prefect would also log the exception's
traceback at the task, and "Engine execution exited with unexpected exception" with it again at the
end of a deployment's run. This filter drops those tracebacks and those repeats (the task's and the
flow's "Finished in state Failed('…')" lines still say it); a bug (any other exception) keeps its
traceback.
"""

from __future__ import annotations

import logging

from tasks.problems import UserError

PROBLEM_LINE = "lkip_problem_line"  # a record's flag: one of the problems an InvalidInputs will carry
PREFECT_RUN_LOGGERS = ("prefect.task_runs", "prefect.flow_runs", "prefect.flow_engine", "prefect.task_engine")
# Records that only repeat an expected error told by the task's and the flow's final state lines.
_REPEATS = ("Engine execution exited with unexpected exception", "Task run failed with exception")


class ExpectedErrorFilter(logging.Filter):
    """Strip the traceback of a UserError from a record; drop the engine's repeat of it."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if not isinstance(exc, UserError):
            return True
        if record.getMessage().startswith(_REPEATS):
            return False
        record.exc_info, record.exc_text = None, None
        return True


def install() -> None:
    """Attach the filter to Prefect's run loggers (once)."""
    for name in PREFECT_RUN_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, ExpectedErrorFilter) for f in logger.filters):
            logger.addFilter(ExpectedErrorFilter())


class ProblemLineFilter(logging.Filter):
    """Drop the problem lines of a run that stops on invalid inputs (a command prints that list itself)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, PROBLEM_LINE, False)


def console_without_problem_lines() -> None:
    """Keep the problem lines off Prefect's console handlers (on the root logger, where run logs
    propagate); they still reach the Prefect API, so the UI shows them."""
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler) and not any(
                isinstance(f, ProblemLineFilter) for f in handler.filters):
            handler.addFilter(ProblemLineFilter())
