# Revisión de integridad del I-589 (tarea 16): las partes del formulario en que se agrupan los puntos que faltan.
i589-check-part-a-i = Parte A.I: datos del solicitante
i589-check-part-a-ii = Parte A.II: cónyuge e hijos
i589-check-part-a-iii = Parte A.III: antecedentes
i589-check-part-b = Parte B: la solicitud
i589-check-part-c = Parte C: información adicional
i589-check-part-d = Parte D: firma del solicitante
# El resumen de la revisión en la página del caso.
i589-check-ready = I-589: { $ready } de { $total } puntos listos
i589-check-complete = Todos los puntos del I-589 que pide el expediente están respondidos.
i589-check-missing-intro = Faltan, por parte del formulario (cada enlace abre la entrevista inicial en su campo):
