"""Where the bundled data, templates and static files live.

In a checkout they sit at the top of the repository; in an installed wheel
they are shipped inside the package under ``_share`` (see pyproject.toml).
Resolved once, here.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_SHARE = PACKAGE_DIR / "_share"
ROOT = _SHARE if _SHARE.is_dir() else PACKAGE_DIR.parent

DATA_DIR = ROOT / "data"
TEMPLATE_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"
