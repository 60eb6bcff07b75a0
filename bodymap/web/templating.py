"""What every template gets: the one way to draw a figure, names and constants."""

from markupsafe import Markup

from bodymap.dataset.model import ZONE_HELP, ZONE_LABELS, ZONES
from bodymap.figures import draw
from bodymap.figures import map_zones as _map_zones
from bodymap.web.getters import bundle


def svg(figure):
    """Draw a :class:`~bodymap.figures.Figure` inline (``{{ figure|svg }}``)."""
    return Markup(draw(bundle().atlas, figure))


def map_zones(figures):
    """Return a candidate's zones for the clickable map (``{{ figs|map_zones }}``)."""
    return _map_zones(bundle().atlas, figures)


def regions(region_ids):
    """Return the atlas regions of some region ids (``{{ ids|regions }}``)."""
    atlas_regions = bundle().atlas.regions
    return [atlas_regions[region_id] for region_id in region_ids]


def shared_context():
    """Give every template the disclaimer, the red flags and the zone names."""
    return {
        "safety": bundle().dataset.safety,
        "zones": ZONES,
        "zone_labels": ZONE_LABELS,
        "zone_help": ZONE_HELP,
    }


def register(app):
    """Install the filters and context every template may use."""
    app.add_template_filter(svg)
    app.add_template_filter(regions)
    app.add_template_filter(map_zones)
    app.context_processor(shared_context)
