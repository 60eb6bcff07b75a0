"""A health check for load balancers and container orchestrators."""

from flask import Blueprint, jsonify

from bodymap.web.getters import bundle

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Report that this worker is up and serving its loaded dataset."""
    response = jsonify({"status": "ok", "muscles": len(bundle().patterns.muscles)})
    response.cache_control.no_store = True
    return response
