"""bodymap: an interactive map of myofascial trigger points and referred pain."""


def create_app(config=None):
    """Create and configure the app.

    :param config: a config class or object (default :class:`bodymap.config.Config`).
    :raises StartupError: (a ``DataErrors``) when the dataset is invalid,
        naming file and field; click-based starters print it as one message.
    """
    from flask import Flask

    from bodymap.bundle import load_bundle
    from bodymap.config import Config
    from bodymap.dataset import DataErrors
    from bodymap.resources import STATIC_DIR, TEMPLATE_DIR
    from bodymap.startup import StartupError
    from bodymap.web import (
        api,
        delivery,
        diary,
        errors,
        exports,
        health,
        pages,
        quiz,
        security,
        study,
        templating,
    )
    from bodymap.web.json_provider import OrjsonProvider

    app = Flask(
        __name__, template_folder=str(TEMPLATE_DIR), static_folder=str(STATIC_DIR)
    )
    # API answers keep the order they are built in, encoded by orjson.
    app.json = OrjsonProvider(app)
    app.config.from_object(config or Config)

    # Load, validate and index the data once; views read it from here.
    try:
        app.extensions["bodymap"] = load_bundle(app.config["DATA_DIR"])
    except DataErrors as error:
        raise StartupError(error.errors) from None

    # Pages for people, JSON for programs (every /api route is in api.bp).
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    # Study mode: region pages and comparison, the quiz, diagram files.
    app.register_blueprint(study.bp)
    app.register_blueprint(quiz.bp)
    app.register_blueprint(exports.bp)
    # The private pain diary (kept in the browser; the server only answers).
    app.register_blueprint(diary.bp)
    # A health check for load balancers.
    app.register_blueprint(health.bp)

    # Templates draw figures and name regions one way.
    templating.register(app)
    # Friendly error pages (the API answers in JSON) and strict security headers.
    errors.register(app)
    security.register(app)
    # Render once, send compressed, revalidate with ETags; bound PNG renders.
    delivery.register(app)
    return app
