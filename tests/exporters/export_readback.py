"""Reading exports back for the tests: PDF text, fonts and outline (pypdf), workbook (openpyxl)."""
from __future__ import annotations

import re

from pypdf import PdfReader


def squash(text: str) -> str:
    """Text without any whitespace: lines wrap at different places in the poster and the details."""
    return re.sub(r"\s+", "", text)


def pdf_text(path) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


def page_texts(path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


def font_dicts(path) -> list:
    """Every font dictionary used on any page, descendants of Type0 fonts included."""
    found = []
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            found.append(font)
            found += [d.get_object() for d in font.get("/DescendantFonts", [])]
    return found


def outline_titles(path) -> list[str]:
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]
