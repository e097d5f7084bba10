"""The library's own exceptions; the CLI turns them into one-line messages."""


class KgError(Exception):
    """A problem the user can act on; its message names the file and the problem."""


class InputError(KgError):
    """An input file that cannot be read as an article."""


class QueryError(KgError):
    """A query that cannot be parsed or is refused."""
