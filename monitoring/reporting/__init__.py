"""The annual plan report: its JSON, and the same as a Word document and a workbook."""
