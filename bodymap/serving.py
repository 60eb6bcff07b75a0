"""Production serving: gunicorn with the app loaded once, before the workers fork.

Loading first means a dataset with problems stops the start with one message,
and the workers share the loaded data and atlas (copy-on-write) instead of
each building their own.
"""

from gunicorn.app.base import BaseApplication

ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
"""Like the common log format, but with the path only: query strings (searches
describe symptoms) and referrers are never written to the log."""

THREADS = 4
"""Threads per worker, so pages keep flowing while a thread renders a PNG."""


class ProductionServer(BaseApplication):
    """gunicorn serving an app that is already loaded."""

    def __init__(self, app, options):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            if key in self.cfg.settings:  # older gunicorns lack some settings
                self.cfg.set(key, value)

    def load(self):
        return self.application


def options(host, port, workers):
    """Return the gunicorn settings for ``bodymap serve --production``."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": THREADS,
        "preload_app": True,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        # Leave the proxy's X-Forwarded-* headers to the TLS proxy in front.
        "forwarded_allow_ips": "127.0.0.1",
        # No control socket: several servers may run side by side.
        "control_socket_disable": True,
    }


def serve(app, host, port, workers):
    """Run ``app`` under gunicorn until interrupted."""
    ProductionServer(app, options(host, port, workers)).run()
