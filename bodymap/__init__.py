"""bodymap: an interactive map of myofascial trigger points and referred pain."""


def create_app(config=None):
    """Create and configure the app.

    :param config: a config class or object (default :class:`bodymap.config.Config`).
    :raises DataErrors: when the dataset is invalid, naming file and field.
    """
    from flask import Flask

    from bodymap.bundle import load_bundle
    from bodymap.config import Config
    from bodymap.resources import STATIC_DIR, TEMPLATE_DIR
    from bodymap.web import api, diary, errors, pages, security, study

    app = Flask(
        __name__, template_folder=str(TEMPLATE_DIR), static_folder=str(STATIC_DIR)
    )
    app.config.from_object(config or Config)

    # Load, validate and index the data once; views read it from here.
    app.extensions["bodymap"] = load_bundle(app.config["DATA_DIR"])

    # Pages for people, JSON for programs.
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    # Study mode: region pages, comparison, quiz and exports.
    app.register_blueprint(study.bp)
    # The private pain diary (kept in the browser; the server only answers).
    app.register_blueprint(diary.bp)

    # Friendly errors and strict security headers on every response.
    errors.register(app)
    security.register(app)
    return app
