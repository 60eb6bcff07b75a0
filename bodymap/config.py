"""Configuration classes, passed by object to :func:`bodymap.create_app`."""

import os
from pathlib import Path

from bodymap.resources import DATA_DIR

DATA_ENV = "BODYMAP_DATA"
"""Environment variable naming another data folder, for every way of starting."""


def data_dir_from_env():
    """Return the data folder named by ``BODYMAP_DATA``, else the bundled one."""
    return Path(os.environ.get(DATA_ENV) or DATA_DIR)


class Config:
    """Settings for running the app on the bundled dataset."""

    DATA_DIR = data_dir_from_env()
    TESTING = False
    MAX_CONTENT_LENGTH = 64 * 1024
    SEND_FILE_MAX_AGE_DEFAULT = 3600


class ProductionConfig(Config):
    """Settings for a production server: debug can never be switched on."""

    DEBUG = False
    PROPAGATE_EXCEPTIONS = False


class ExportConfig(Config):
    """Settings for writing the static site: every page is rendered once."""

    RESPONSE_CACHE_BYTES = 0


class TestConfig(Config):
    """Settings for the test suite."""

    TESTING = True


def with_data_dir(config, data_dir):
    """Return ``config`` reading its dataset from ``data_dir``."""
    return type(config.__name__, (config,), {"DATA_DIR": Path(data_dir)})
