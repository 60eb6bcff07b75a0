"""The ``bodymap`` command: serve the app and look after the dataset."""

import click

from bodymap.dataset import DataErrors
from bodymap.resources import DATA_DIR


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
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host, port):
    """Start the web app on the bundled dataset."""
    from bodymap import create_app

    try:
        app = create_app()
    except DataErrors as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"bodymap is running at http://{host}:{port}/ (Ctrl+C to stop)")
    app.run(host=host, port=port)


@main.command("check-data")
@click.option(
    "--data", "data_dir", default=str(DATA_DIR), type=click.Path(file_okay=False)
)
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
@click.option("--view", type=click.Choice(["front", "back"]))
def regions(view):
    """List the atlas regions with a point inside each."""
    from bodymap.atlas import build_atlas

    atlas = build_atlas()
    for view_id in [view] if view else atlas.views:
        for region in atlas.regions_of(view_id):
            x, y = region.label_point
            click.echo(f"{view_id:5}  {region.id:42}  {x:6.1f} {y:6.1f}  {region.name}")


@main.command()
@click.option(
    "--data", "data_dir", default=str(DATA_DIR), type=click.Path(file_okay=False)
)
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
@click.option(
    "--data", "data_dir", default=str(DATA_DIR), type=click.Path(file_okay=False)
)
def sheet(output, data_dir):
    """Write one HTML page with every muscle's pattern beside its text."""
    from bodymap.sheet import write_sheet

    bundle = _load(data_dir)
    try:
        write_sheet(bundle, output)
    except OSError as error:
        raise click.ClickException(
            f"cannot write {output}: {error.strerror or error}"
        ) from None
    click.echo(
        f"Wrote the review sheet for {len(bundle.patterns.muscles)} muscles to {output}"
    )
