# La hoja de datos del I-589 (issue 16): las palabras de la propia página. La hoja está en
# inglés, el idioma del formulario, sea quien sea quien la lea.
i589-sheet-link = Hoja de datos del I-589
i589-sheet-title = Hoja de datos del I-589
i589-sheet-print-hint = La hoja está en inglés, en el orden del formulario. Imprímala desde el navegador: cada parte empieza en una página nueva.
