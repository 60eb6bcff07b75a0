"""Configuration classes, passed by object to :func:`bodymap.create_app`."""

from bodymap.resources import DATA_DIR


class Config:
    """Settings for running the app on the bundled dataset."""

    DATA_DIR = DATA_DIR
    TESTING = False
    MAX_CONTENT_LENGTH = 64 * 1024
    JSON_SORT_KEYS = False
    SEND_FILE_MAX_AGE_DEFAULT = 3600


class TestConfig(Config):
    """Settings for the test suite."""

    TESTING = True
