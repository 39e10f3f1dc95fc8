"""Named errors the library raises; only the CLI turns them into one line and an exit code."""


class NewseventsError(Exception):
    """Base of every error a user can cause; its message is one line naming the input."""


class InputError(NewseventsError):
    """An input cannot be read: missing path, undecodable file, bad JSONL line, no main text."""


class UsageError(NewseventsError):
    """A bad option value: an unparseable --published date, an unknown format."""


class ModelError(NewseventsError):
    """No spaCy pipeline could be loaded."""


class StoreError(NewseventsError):
    """The database cannot be opened or written: locked, corrupt, or from a newer version."""
