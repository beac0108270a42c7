"""Exports of a journey map for sharing: a PDF poster with detail pages, and an Excel workbook.

Reads the model only; never imports Qt (a test proves it), so the command line exports without a
display. Imports model, resources, reportlab and openpyxl.
"""
from .common import ExportError, ExportReport, Progress
from .excel import export_excel
from .pdf import export_pdf

__all__ = ["ExportError", "ExportReport", "Progress", "export_excel", "export_pdf"]
