"""The muscle dataset: its files, schema, validation and model."""

from bodymap.dataset.errors import DataError, DataErrors
from bodymap.dataset.loader import load_dataset, read_dataset

__all__ = ["DataError", "DataErrors", "load_dataset", "read_dataset"]
