"""One message, no traceback, when the app cannot start on its dataset.

However the app is started (``bodymap serve``, ``flask run``, gunicorn through
:mod:`bodymap.wsgi`), a dataset with problems ends the start with the list of
problems, each naming its file, entry and field, and nothing else.
"""

import click

from bodymap.dataset import DataErrors


class StartupError(DataErrors, click.ClickException):
    """The dataset is invalid: a :class:`DataErrors` that click prints cleanly.

    Being a :class:`click.ClickException`, it ends ``flask run`` and the
    ``bodymap`` commands with ``Error: …`` instead of a traceback; being a
    :class:`DataErrors`, code that loads the app can still catch that.
    """

    exit_code = 1
