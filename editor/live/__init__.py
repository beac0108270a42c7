"""Live co-editing in the editor (issue 13): the Qt side of collab/. See docs/collaboration.md."""
