"""Which region a click lands in, answered from a grid built once per view.

A click is the hot path of a lookup.  Most squares of the grid lie inside one
region, so a click there is answered by arithmetic; a square on a border
lists the regions that touch it, and only those are tested.  The answer is
the same as testing every region (a test checks it on thousands of points).
"""

import math

import numpy as np
import shapely

CELL = 4.0
"""The side of a grid square, in view units (about 1 cm on the body)."""


class ClickGrid:
    """The regions of one view, indexed by a grid of squares."""

    def __init__(self, tree, width, height):
        """Index the shapes of ``tree`` (the view's STRtree) over width × height."""
        self.shapes = shapes = tree.geometries
        self.width, self.height = width, height
        self.columns, rows = math.ceil(width / CELL), math.ceil(height / CELL)
        xs, ys = np.meshgrid(np.arange(self.columns) * CELL, np.arange(rows) * CELL)
        x0, y0 = xs.ravel(), ys.ravel()
        squares = shapely.box(x0, y0, x0 + CELL, y0 + CELL)
        square_at, shape_at = tree.query(squares, predicate="intersects")
        count = np.bincount(square_at, minlength=len(squares))
        # A square touched by one region, and lying wholly inside it, is
        # answered without a test.
        lone = count[square_at] == 1
        covered = shapely.covers(shapes[shape_at[lone]], squares[square_at[lone]])
        inside = np.full(len(squares), -1)
        inside[square_at[lone][covered]] = shape_at[lone][covered]
        self.inside = inside.tolist()
        border = {}
        for square, shape in zip(square_at.tolist(), shape_at.tolist(), strict=True):
            if self.inside[square] < 0:
                border.setdefault(square, []).append(shape)
        # Each border square keeps its regions' indices and shapes, to test
        # them all in one call.
        self.border = {
            square: (np.array(here), shapes[here]) for square, here in border.items()
        }

    def hits(self, x, y):
        """Return the indices of the shapes that the point touches."""
        if not (0 <= x < self.width and 0 <= y < self.height):
            return np.flatnonzero(shapely.intersects_xy(self.shapes, x, y)).tolist()
        square = int(y // CELL) * self.columns + int(x // CELL)
        owner = self.inside[square]
        if owner >= 0:
            return [owner]
        if square not in self.border:
            return []
        indices, shapes = self.border[square]
        return indices[shapely.intersects_xy(shapes, x, y)].tolist()
