"""The exception tree. Every error says what failed, the value that caused it, what to do.

    ClaimwatchError                 base of everything the library raises on purpose
    ├── InputError                  a report or file that cannot be read
    │   ├── EmptyInputError         an empty file or record
    │   ├── BinaryInputError        a file that is not text
    │   ├── EncodingError           text in an encoding that cannot be decoded
    │   ├── DateLineError           a missing or impossible ``date YYYY-MM-DD`` line
    │   ├── RecordError             malformed JSON / JSON Lines (with the line number)
    │   └── TooLargeError           a report over the size limit
    ├── FormatError                 an unknown input, output or export format
    ├── StoreError                  the database cannot be opened or written
    │   └── NotFoundError           an event or document id that is not stored
    ├── GoldFileError               a gold annotation with broken JSON or unknown keys
    └── PipelineError               a stage failed on a document (wraps the cause)

Codes (``E001``…) are stable so that users and the REST API can rely on them.
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Base of every error claimwatch raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(ClaimwatchError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class DateLineError(InputError):
    code = "E104"


class RecordError(InputError):
    code = "E105"


class TooLargeError(InputError):
    code = "E106"


class FormatError(ClaimwatchError):
    code = "E200"


class StoreError(ClaimwatchError):
    code = "E300"


class NotFoundError(StoreError):
    code = "E301"


class GoldFileError(ClaimwatchError):
    code = "E400"


class PipelineError(ClaimwatchError):
    code = "E500"
