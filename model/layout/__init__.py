"""Layout maths shared by the canvas and the print: the grid of cells and card boxes (``grid``),
the incremental keeper of that layout (``keeper``), text measuring and wrapping (``text``) and the
colours and labels every view uses (``appearance``). Pure Python; imports model.journey.journey_map."""
