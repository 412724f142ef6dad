# The I-589 data sheet (issue 16): the page's own words. The sheet itself is in English,
# the form's language, whoever reads it.
i589-sheet-link = I-589 data sheet
i589-sheet-title = I-589 data sheet
i589-sheet-print-hint = The sheet is in English, in the order of the form. Print it from your browser: each part starts a new page.
