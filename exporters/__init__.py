"""Exports of a journey map for sharing: a PDF poster with detail pages, an Excel workbook and
PowerPoint slides.

Reads the model only; never imports Qt (a test proves it), so the command line exports without a
display. Imports model, resources, reportlab, openpyxl and python-pptx — the libraries only when
an export function is first used (PEP 562 ``__getattr__``): the editor and every other
command-line verb start without paying for them.
"""
from importlib import import_module

from exporters.common import ExportError, ExportReport, Progress

_LAZY = {"export_excel": ".excel", "export_pdf": ".pdf"}
_LAZY["export_pptx"] = ".pptx"
__all__ = ["ExportError", "ExportReport", "Progress", "export_excel", "export_pdf", "export_pptx"]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
