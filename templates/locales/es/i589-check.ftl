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
# Advertencias de coherencia: no impiden presentar. $name es la persona tal como consta en el expediente.
i589-check-warnings = Revisar antes de presentar
i589-warning-no-native-name = { $name }: falta el nombre en el alfabeto nativo
i589-warning-ineligible-derivative = { $name } está marcado para incluirse en la solicitud, pero no puede incluirse (casado, de 21 años o más, o fuera de EE. UU.)
i589-warning-late-filing-denied = C.5 dice que la solicitud no se presenta más de un año después de la última llegada, pero el plazo de un año ya venció
i589-warning-timely-filing-marked-late = C.5 dice que la solicitud se presenta más de un año después de la última llegada, pero el plazo de un año aún no ha vencido
i589-warning-last-arrival-differs = La fecha de la última llegada (A.I.19c) no coincide con la de la entrada más reciente a EE. UU. en la lista de entradas
i589-warning-birth-dates-differ = { $name }: la fecha de nacimiento está escrita de dos formas distintas
i589-warning-names-differ = { $name }: el nombre está escrito de dos formas distintas
i589-warning-relative-not-in-background = { $name } figura como padre, madre o hermano en la lista de familiares, pero no en la Parte A.III.5, que es lo que imprime el I-589: agréguelo allí
# Pasar un caso a «presentado» con puntos sin completar (issue 16): se rechaza, salvo que un
# abogado escriba por qué se presenta de todos modos.
i589-filing-refused = No presentado: al I-589 aún le { $count ->
    [one] falta { $count } punto
   *[other] faltan { $count } puntos
}. Complételos primero, o un abogado puede presentarlo igualmente con un motivo por escrito.
i589-filing-refused-items = Sin completar, por parte del formulario:
i589-override-reason = Motivo para presentar con puntos sin completar (solo abogados)
i589-override-reason-hint = Solo al presentar: el motivo queda en el caso y se muestra en él.
i589-override-reason-required = Para presentar con puntos sin completar, escriba aquí el motivo.
i589-overrides-title = Presentado con puntos sin completar
i589-override-line = Presentado con { $count ->
    [one] { $count } punto sin completar
   *[other] { $count } puntos sin completar
} — decisión de { $name } el { $date }
