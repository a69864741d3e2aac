"""numcheck's own errors, numbered so users can search for them.

E1xx usage and configuration, E2xx rule and vocabulary files, E3xx input.
Each is shown as one line on standard error and exits with code 2.
"""
from __future__ import annotations


class NumcheckError(Exception):
    code = "E100"

    def __init__(self, message: str, *, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {where}{self.message}"


class UsageError(NumcheckError):
    code = "E101"


class RuleFileError(NumcheckError):
    code = "E201"


class InputError(NumcheckError):
    code = "E301"


class OutputError(NumcheckError):
    code = "E302"
