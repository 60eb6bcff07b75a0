"""The WSGI entry point for production servers: ``bodymap.wsgi:app``.

For example ``gunicorn --preload 'bodymap.wsgi:app'`` (``bodymap serve
--production`` does this for you). The dataset comes from ``BODYMAP_DATA``
when set, else the bundled one; debug mode is always off.
"""

import sys

from bodymap import create_app
from bodymap.config import ProductionConfig
from bodymap.startup import StartupError

try:
    app = create_app(ProductionConfig)
except StartupError as error:
    print(f"Error: {error}", file=sys.stderr)
    # 4 is gunicorn's "app failed to load": it stops instead of respawning.
    sys.exit(4)
