"""The ``bodymap`` command: serve the app and look after the dataset."""

import click

from bodymap.atlas import VIEW_IDS
from bodymap.config import DATA_ENV
from bodymap.dataset import DataErrors
from bodymap.resources import DATA_DIR

data_option = click.option(
    "--data",
    "data_dir",
    default=str(DATA_DIR),
    show_default="the bundled dataset",
    envvar=DATA_ENV,
    show_envvar=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of the dataset to use.",
)


def _load(data_dir):
    from bodymap.bundle import load_bundle

    try:
        return load_bundle(data_dir)
    except DataErrors as error:
        raise click.ClickException(str(error)) from None


@click.group()
def main():
    """bodymap: an interactive trigger-point body map."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--production",
    is_flag=True,
    help="Serve with gunicorn (several workers, access log without query "
    "strings, never debug) instead of the development server.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="gunicorn worker processes (with --production).",
)
@data_option
def serve(host, port, production, workers, data_dir):
    """Start the web app."""
    from bodymap import create_app
    from bodymap.config import Config, ProductionConfig, with_data_dir

    if workers != 2 and not production:
        raise click.UsageError("--workers needs --production.")
    config = with_data_dir(ProductionConfig if production else Config, data_dir)
    # A dataset with problems raises StartupError, which click prints as one
    # message; in production the app is loaded here, before gunicorn forks.
    app = create_app(config)
    click.echo(f"bodymap is running at http://{host}:{port}/ (Ctrl+C to stop)")
    if production:
        from bodymap.serving import serve as serve_production

        serve_production(app, host, port, workers)
    else:
        app.run(host=host, port=port)


@main.command("check-data")
@data_option
def check_data(data_dir):
    """Validate every data file and report all problems at once."""
    bundle = _load(data_dir)
    muscles = bundle.dataset.muscles.values()
    points = sum(len(muscle.trigger_points) for muscle in muscles)
    click.echo(
        f"OK: {len(bundle.dataset.muscles)} muscles, {points} trigger points "
        f"(one side), {len(bundle.dataset.techniques)} techniques."
    )


@main.command()
@click.option("--view", type=click.Choice(VIEW_IDS))
def regions(view):
    """List the atlas regions with a point inside each."""
    from bodymap.atlas import build_atlas

    atlas = build_atlas()
    for view_id in [view] if view else atlas.views:
        for region in atlas.regions_of(view_id):
            x, y = region.label_point
            click.echo(f"{view_id:5}  {region.id:42}  {x:6.1f} {y:6.1f}  {region.name}")


@main.command()
@data_option
def coverage(data_dir):
    """Count muscles and trigger points per area; list regions nothing refers to."""
    from bodymap.coverage import measure_coverage, report_lines

    bundle = _load(data_dir)
    for line in report_lines(measure_coverage(bundle.dataset, bundle.atlas)):
        click.echo(line)


@main.command()
@click.option(
    "--output",
    "-o",
    default="bodymap-review-sheet.html",
    show_default=True,
    type=click.Path(dir_okay=False, writable=True),
    help="Where to write the HTML page.",
)
@data_option
def sheet(output, data_dir):
    """Write one HTML page with every muscle's pattern beside its text."""
    from bodymap import create_app
    from bodymap.config import Config, with_data_dir
    from bodymap.web.review_sheet import write_sheet

    app = create_app(with_data_dir(Config, data_dir))
    try:
        write_sheet(app, output)
    except OSError as error:
        raise click.ClickException(
            f"cannot write {output}: {error.strerror or error}"
        ) from None
    count = len(app.extensions["bodymap"].patterns.muscles)
    click.echo(f"Wrote the review sheet for {count} muscles to {output}")


@main.command("export")
@click.argument("destination", type=click.Path(file_okay=False, writable=True))
@click.option(
    "--app-url",
    default="",
    help="Where the app runs, for links to the pain drawing, quiz and "
    "comparison (default: the root of the same host).",
)
@click.option(
    "--png/--no-png",
    default=True,
    show_default=True,
    help="Render the PNG exports too (about a tenth of a second each).",
)
@data_option
def export_site(destination, app_url, png, data_dir):
    """Write the study pages, diagrams and exports as a static site."""
    from bodymap import create_app
    from bodymap.config import ExportConfig, with_data_dir
    from bodymap.web.static_site import freeze_site

    app = create_app(with_data_dir(ExportConfig, data_dir))
    try:
        count = freeze_site(app, destination, app_url=app_url, png=png)
    except OSError as error:
        raise click.ClickException(
            f"cannot write to {destination}: {error.strerror or error}"
        ) from None
    click.echo(f"Wrote {count} files to {destination}: open study/index.html.")
