# Client revisions of the case file: answers from a questionnaire link, reviewed field by field.

audit-action-case-revision-submitted = El cliente envió respuestas para revisar
audit-action-case-revision-viewed = Respuestas del cliente abiertas para revisar
audit-action-case-revision-reviewed = Respuestas del cliente revisadas
audit-field-revision-accepted = Aceptado
audit-field-revision-edited = Corregido
audit-field-revision-rejected = Rechazado

revision-waiting = Respuestas del cliente pendientes de revisión (enviadas { $submitted })
revision-title = Respuestas del cliente para { $reference }
revision-submitted = Enviadas { $at }
revision-language = Idioma de las respuestas
revision-intro = Solo se muestran las respuestas que difieren del expediente. Para cada una, acepte la respuesta del cliente, corríjala antes de pasarla al expediente o recházela para conservar lo que consta.
revision-nothing-new = Todas las respuestas coinciden con el expediente: no hay nada que decidir.
revision-on-file = En el expediente
revision-client-answer = Respuesta del cliente
revision-accept = Aceptar
revision-edit = Corregir
revision-reject = Rechazar
revision-edited-value = Respuesta corregida
revision-apply = Aplicar estas decisiones
revision-accept-rest = Aceptar todas las pendientes y aplicar
revision-reject-rest = Rechazar todas las pendientes y aplicar
revision-decided-by-lawyers = Un abogado decide qué pasa al expediente.
revision-reviewed-by = Revisado por { $name } el { $at }.
revision-accepted = Aceptado
revision-edited = Corregido
revision-rejected = Rechazado
revision-undecided = Elija aceptar, corregir o rechazar.
revision-already-reviewed = Estas respuestas ya se revisaron; no se cambió nada.
