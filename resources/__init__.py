"""Bundled resources (fonts, templates, schema, icons, translations) and where to find them.

Imports only the standard library, so model, exporters and editor can all use it.
"""
from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = RESOURCES_DIR / "templates"
FONTS_DIR = RESOURCES_DIR / "fonts"
SCHEMA_PATH = RESOURCES_DIR / "journey.schema.json"
EXAMPLES_DIR = RESOURCES_DIR / "examples"
JAPANESE_FONT_PATH = FONTS_DIR / "ipaexg.ttf"
JAPANESE_FONT_FAMILY = "IPAexGothic"
