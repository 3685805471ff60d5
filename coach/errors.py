"""One error tree; every message is written for the person using the app."""

from __future__ import annotations


class CoachError(Exception):
    """Base of every error the app reports to its user."""


class InputError(CoachError):
    """The user's input cannot be used as it is."""


class AssetError(CoachError):
    """An offline asset (model file, embedder, encodings) is missing or corrupt."""


class KnowledgeError(CoachError):
    """The knowledge folder or the index cannot be read."""


class ModelError(CoachError):
    """The language model failed or could not be reached."""


class ModelUnavailable(ModelError):
    """The model server did not answer."""


class ModelOutputError(ModelError):
    """The model answered, but not in the shape we asked for."""

    def __init__(self, message: str, last_text: str = "") -> None:
        super().__init__(message)
        self.last_text = last_text
