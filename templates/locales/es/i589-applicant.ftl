# Parte A.I del formulario I-589 en el expediente: los puntos sobre el solicitante que los
# datos del cliente no tenían. Los números de punto son los del formulario (en inglés).

i589a-section = Sobre el solicitante (I-589, parte A.I)
i589a-section-intro = El resto de la parte A.I. Escriba NONE si el solicitante no tiene número de Seguro Social ni cuenta en línea. Los otros idiomas que habla con fluidez (punto 25) son los idiomas del cliente más arriba o, si no hay ninguno, la casilla de abajo; el número del I-94 (punto 19b) está en la sección de entrada.
i589a-heading-numbers = Números
i589a-heading-mailing = Dirección postal
i589a-heading-origin = Origen y creencias
i589a-heading-immigration = Historial migratorio
i589a-heading-languages = Idiomas

i589a-ssn = 2. Número de Seguro Social de EE. UU.
i589a-ssn-hint = Nueve dígitos, o NONE.
i589a-uscis-account = 3. Número de cuenta en línea de USCIS
i589a-uscis-account-hint = Doce dígitos, o NONE.
i589a-mailing-same = 9. La dirección postal es la misma que la de residencia
i589a-mailing-in-care-of = 9. A cargo de (in care of)
i589a-mailing-phone = 9. Teléfono en la dirección postal
i589a-mailing-street = 9. Número y nombre de la calle
i589a-mailing-apartment = 9. Número de apartamento
i589a-mailing-city = 9. Ciudad
i589a-mailing-state = 9. Estado
i589a-mailing-zip = 9. Código postal (ZIP)
i589a-marital-status = 11. Estado civil
i589a-city-of-birth = 13. Ciudad de nacimiento
i589a-nationality-at-birth = 15. Nacionalidad al nacer
i589a-ethnic-group = 16. Raza, grupo étnico o tribal
i589a-religion = 17. Religión
i589a-court-proceedings = 18. Procedimientos en la corte de inmigración
proceedings-never = Nunca ha estado en procedimientos
proceedings-now = Está en procedimientos ahora
proceedings-past = Ahora no, pero sí en el pasado
i589a-left-home-country = 19a. Fecha en que el solicitante salió de su país por última vez
i589a-travel-document-country = 20. País que expidió el último pasaporte o documento de viaje
i589a-native-language = 23. Lengua materna
i589a-native-dialect = 23. Dialecto, si lo hay
i589a-fluent-in-english = 24. Habla inglés con fluidez
i589a-no-other-languages = 25. No habla con fluidez ningún otro idioma (NONE)

i589a-entries = Entradas a los Estados Unidos (I-589, punto 19c)
i589a-entries-intro = Cada entrada, empezando por la más reciente: quien solicita asilo tiene al menos una.
i589a-entry = Entrada { $number }
i589a-entry-arrived = 19c. Fecha de entrada
i589a-entry-place = 19c. Lugar de entrada
i589a-entry-status = 19c. Estatus al entrar
i589a-entry-status-expires = 19c. Fecha en que vence el estatus
i589a-entry-add = Añadir una entrada
i589a-entry-up = Subir la entrada { $number }
i589a-entry-remove = Quitar la entrada { $number }
i589a-entries-none = Todavía no hay entradas registradas.

validation-uscis-account = Un número de cuenta en línea de USCIS tiene doce dígitos; escriba NONE si no lo tiene.
validation-zip = Un código postal tiene cinco dígitos, o cinco y cuatro (12345-6789).
validation-mailing-same-but-given = Hay una dirección postal escrita abajo: responda «no» o borre la dirección.
validation-status-expires-before-entry = El estatus no puede vencer antes de la entrada.
validation-us-entries-order = Enumere las entradas desde la más reciente: esta es posterior a la de arriba.
