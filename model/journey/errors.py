"""Errors of the journey model and its file format. Pure Python, imports nothing of the project."""


class ModelError(ValueError):
    """An edit the model refuses: unknown id, duplicate id, bad value. Raised before any change."""


class JourneyFileError(Exception):
    """A `.journey` file that cannot be read or written; the message names the file and the place."""

    def __init__(self, path, message: str, where: str = ""):
        self.path = str(path)
        self.where = where
        self.reason = message
        location = f" (at {where})" if where else ""
        super().__init__(f"{self.path}: {message}{location}")
