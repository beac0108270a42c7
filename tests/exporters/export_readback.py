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


def text_runs(path, pages=None) -> list[list[tuple[str, float, float, float]]]:
    """Per page, every text run the PDF draws: (text, printed size in points, x, y on the page).

    The size is the font size times the scale of the text and current transformation matrices,
    which is what a reader sees on paper (pdfplumber's "size" gives the same figures).
    """
    reader = PdfReader(path)
    found = []
    for number, page in enumerate(reader.pages):
        if pages is not None and number not in pages:
            continue
        runs: list[tuple[str, float, float, float]] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if not text.strip():
                return
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text.strip(), size * abs(a * d - b * c) ** 0.5, x, y))

        page.extract_text(visitor_text=visit)
        found.append(runs)
    return found


def font_names(path) -> set[str]:
    """The base names of the embedded fonts (subset prefixes removed)."""
    return {str(font.get("/BaseFont", "")).split("+")[-1] for font in font_dicts(path)}
