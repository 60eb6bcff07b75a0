"""Drawing the body map and referral patterns as SVG (all svgwrite use lives here)."""
