# Partes B y C del I-589 en el expediente: los motivos alegados y cada pregunta de sí o no
# con su explicación. Los números de punto son los del formulario (que está en inglés).

i589-section = La solicitud (I-589, partes B y C)
i589-section-intro = Una pregunta queda sin respuesta hasta que elija sí o no: el I-589 no admite casillas en blanco. Explique cada «sí» antes de completar la admisión.
i589-part-b = Parte B: la solicitud
i589-part-c = Parte C: información adicional
i589-answer-unanswered = Sin respuesta
i589-answer-yes = Sí
i589-answer-no = No
validation-i589-explain-yes = Un «sí» debe explicarse.

i589-grounds = B.1 Motivos alegados
ground-race = Raza
ground-religion = Religión
ground-nationality = Nacionalidad
ground-political_opinion = Opinión política
ground-social_group = Pertenencia a un grupo social determinado
ground-torture = Convención contra la Tortura

i589-past-harm = B.1A Daños, maltrato o amenazas en el pasado (al solicitante, su familia, amigos cercanos o colegas)
i589-past-harm-explanation = B.1A Explicación: qué ocurrió, a quién, cuándo, quién lo hizo y por qué
i589-fear-of-harm = B.1B Teme daños o maltrato si regresa
i589-fear-of-harm-explanation = B.1B Explicación: qué daño, de quién y por qué
i589-arrested-abroad = B.2 Alguna vez acusado, imputado, arrestado, detenido, interrogado, condenado o encarcelado fuera de EE. UU.
i589-arrested-abroad-explanation = B.2 Explicación: qué ocurrió, cuándo, dónde y durante cuánto tiempo
i589-organizations = B.3A Perteneció o estuvo vinculado a organizaciones o grupos en su país
i589-organizations-explanation = B.3A Explicación: qué grupos, qué participación, qué cargos y durante cuánto tiempo
i589-continued-participation = B.3B Sigue participando en esas organizaciones o grupos
i589-continued-participation-explanation = B.3B Explicación: qué grupos y qué participación tiene ahora
i589-fear-of-torture = B.4 Teme ser torturado si regresa
i589-fear-of-torture-explanation = B.4 Explicación: por qué, qué tipo de tortura y de quién
i589-earlier-applications = C.1 El solicitante o su familia alguna vez pidieron la condición de refugiado, asilo o suspensión de la expulsión
i589-earlier-applications-explanation = C.1 Explicación: quién lo pidió, dónde, cuándo y cuál fue la decisión
i589-other-countries = C.2A Tras salir de su país y antes de llegar a EE. UU., pasó por otros países o vivió en ellos
i589-other-countries-explanation = C.2A Explicación: cada país, cuánto tiempo, su estatus allí y por qué se fue
i589-status-elsewhere = C.2B El solicitante o su familia pidieron o recibieron un estatus legal en otro país
i589-status-elsewhere-explanation = C.2B Explicación: el país, el estatus y si puede regresar allí
i589-harmed-others = C.3 Alguna vez causó daño a alguien por su raza, religión, nacionalidad, grupo social u opinión política
i589-harmed-others-explanation = C.3 Explicación: qué ocurrió y cuál fue el papel del solicitante
i589-returned = C.4 Regresó al país donde teme daño después de haberlo dejado
i589-returned-explanation = C.4 Explicación: cuándo, durante cuánto tiempo y por qué
i589-filed-after-one-year = C.5 Presenta la solicitud más de un año después de su última llegada a EE. UU.
i589-filed-after-one-year-explanation = C.5 La excepción: por qué la solicitud no se presentó durante el primer año
i589-filed-after-one-year-hint = Circunstancias cambiadas o extraordinarias y cuándo surgieron; el plazo de un año figura en la página del caso.
i589-crimes-in-us = C.6 Cometió un delito o fue arrestado, acusado, condenado o sentenciado en EE. UU.
i589-crimes-in-us-explanation = C.6 Explicación: qué ocurrió, cuándo y cuál fue el resultado
