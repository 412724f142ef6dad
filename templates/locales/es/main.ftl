# Refuge — catálogo en español. Tiene exactamente las claves de en/main.ftl (lo comprueba un test).

## Navegación y palabras comunes
nav-skip = Ir al contenido
nav-menu = Menú
nav-label = Principal
nav-home = Inicio
nav-new-intake = Nueva admisión
nav-settings = Configuración de la oficina
nav-staff = Personal
nav-audit = Registro de auditoría
nav-account = Mi cuenta
nav-logout = Cerrar sesión
save = Guardar
form-errors-title = Por favor, corrija lo siguiente
form-expired = Este formulario había caducado o no procedía de este sitio, así que no se envió nada. Revise lo que está escrito y envíelo de nuevo.
form-expired-password = Este formulario había caducado o no procedía de este sitio, así que no se guardó nada. Escriba de nuevo la contraseña y vuelva a enviar el formulario.
pagination-label = Páginas
pagination-previous = Anterior
pagination-next = Siguiente
pagination-page = Página

## Campos
field-email = Correo electrónico
field-password = Contraseña
field-new-password = Contraseña nueva
field-password-confirm = Repita la contraseña
field-current-password = Contraseña actual
field-initial-password = Contraseña (opcional)
field-display-name = Nombre
field-language = Idioma
field-role = Rol
field-status = Estado
field-created = Creado
password-hint = Al menos 12 caracteres. Una frase corta que usted recuerde funciona bien; las contraseñas comunes se rechazan.

## Roles e idiomas
role-admin = Administrador/a
role-lawyer = Abogado/a
role-paralegal = Asistente legal
language-en = English
language-ru = Русский

## Inicio de sesión
login-title = Iniciar sesión
login-submit = Iniciar sesión
login-invalid-credentials = Correo electrónico o contraseña incorrectos.
login-form-expired = Este formulario de inicio de sesión había caducado o no procedía de este sitio, así que no se envió nada. Escriba su contraseña e inicie sesión de nuevo.
login-no-account-yet = Todavía no existe ninguna cuenta del personal. Al arrancar, Refuge mostró un enlace para crear la primera cuenta de administrador, en la terminal o en el registro del servidor donde se ejecuta («Create the first admin account here»); abra ese enlace. Si reinicia Refuge, mostrará uno nuevo.
login-signed-out = Ha cerrado la sesión.

## Configuración inicial
setup-title = Configurar Refuge
setup-intro = Todavía no existe ninguna cuenta del personal. Cree la primera cuenta de administrador; desde ella podrá añadir al resto de la oficina.
setup-submit = Crear la cuenta de administrador

## Invitaciones y restablecimiento de contraseñas
invitation-title = Elija su contraseña
invitation-intro = Bienvenido/a, { $name }. Elija una contraseña para terminar de configurar su cuenta.
invitation-submit = Guardar la contraseña e iniciar sesión

## Inicio
home-title = Inicio
home-greeting = Hola, { $name }
home-cases-title = Mis casos
home-cases-empty = La admisión de casos llega en la próxima versión; aquí se mostrarán sus casos.
home-admin-title = Administración de la oficina

## Cuenta propia
account-title = Mi cuenta
account-language-title = Idioma
account-language-saved = Se ha guardado su idioma.
account-password-title = Cambiar la contraseña
account-password-hint = Al cambiar la contraseña se cierran sus demás sesiones y se revocan sus tokens de API.
account-password-submit = Cambiar la contraseña
account-password-saved = Su contraseña se ha cambiado. Se han cerrado las demás sesiones.

## Administración del personal
staff-title = Personal
staff-add = Añadir un miembro del personal
staff-active = Activo
staff-inactive = Desactivado
staff-invited = Invitado, aún no ha aceptado
staff-invitation-expired = La invitación ha caducado: restablezca la contraseña para enviar un enlace nuevo
staff-reset-pending = Contraseña restablecida, a la espera de una nueva
staff-reset-expired = El enlace para restablecer la contraseña ha caducado: restablézcala de nuevo
staff-created = Se ha creado la cuenta.
staff-saved = Guardado.
staff-change-role = Rol
staff-access = Acceso
staff-access-hint = Al desactivar una cuenta o restablecer su contraseña se cierran al instante las sesiones y los tokens de API de esa persona.
staff-deactivate = Desactivar
staff-reactivate = Reactivar
staff-reset-password = Restablecer la contraseña
staff-password-reset-done = Se ha borrado la contraseña. Entregue a la persona el enlace de abajo para que elija una nueva.
staff-password-reset-link-gone = Se ha borrado la contraseña. Su enlace se mostró una sola vez y no se vuelve a mostrar: restablezca la contraseña otra vez para obtener uno nuevo.
staff-link-intro = Entregue este enlace de un solo uso a la persona en mano o por un medio de confianza. No se volverá a mostrar.
staff-link-label = Enlace
staff-password-or-invite = Déjelo vacío para obtener un enlace de invitación con el que la persona elige su propia contraseña.
staff-last-admin = La oficina debe conservar al menos un administrador activo.
staff-audit-link = Las acciones de esta persona en el registro de auditoría

## Registro de auditoría
audit-title = Registro de auditoría
audit-filter-staff = Miembro del personal
audit-filter-anyone = Cualquiera
audit-filter-action = Acción
audit-filter-any-action = Cualquier acción
audit-filter-from = Desde
audit-filter-until = Hasta
audit-filter-security = Solo eventos de seguridad
audit-filter-apply = Filtrar
audit-count = { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
}
audit-when = Cuándo
audit-who = Quién
audit-action = Acción
audit-target = Registro
audit-address = Dirección
audit-details = Detalles

## Validación
validation-required = Este campo es obligatorio.
validation-too-long = Como máximo { $max } caracteres.
validation-control-characters = No se permiten caracteres de control.
validation-email = Escriba una dirección de correo electrónico como nombre@example.org.
validation-email-taken = Ya existe una cuenta del personal con este correo electrónico.
validation-role = Elija administrador/a, abogado/a o asistente legal.
validation-language = Elija inglés, ruso, ucraniano o español.
validation-password-short = La contraseña debe tener al menos { $min } caracteres.
validation-password-common = Esta contraseña es demasiado común: es la primera que prueban los atacantes. Elija otra.
validation-password-mismatch = Las dos contraseñas no coinciden.
validation-current-password = La contraseña actual no es correcta.
validation-date = Escriba la fecha como AAAA-MM-DD.
validation-staff = Elija un miembro del personal de la lista.

## Errores
error-status = Error { $status }
error-back-home = Volver a la página de inicio
error-unauthorized-title = Es necesario iniciar sesión
error-unauthorized = Inicie sesión o envíe un token de portador (bearer) válido.
error-forbidden-title = No permitido
error-forbidden = Su rol no permite hacer esto.
error-csrf = Este formulario ha caducado o no procede de Refuge. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-not-found-title = No encontrado
error-not-found = Esta página no existe, o el enlace ya no es válido.
error-method-not-allowed-title = Método no permitido
error-method-not-allowed = Esta dirección no acepta ese tipo de solicitud.
error-payload-too-large-title = Solicitud demasiado grande
error-unsupported-media-type-title = Tipo de contenido no admitido
error-bad-request-title = Solicitud incorrecta
error-bad-request = No se pudo entender la solicitud.
error-validation-title = Datos no válidos
error-validation = Algunos campos no son válidos.
error-conflict-title = Conflicto
error-conflict-duplicate = Este registro ya existe.
error-too-many-title = Demasiados intentos
error-too-many = Demasiados intentos fallidos. Inténtelo de nuevo dentro de { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
error-payload-too-large = El cuerpo de la solicitud es demasiado grande.
error-unsupported-media-type = Envíe el cuerpo como application/json.
error-body-unreadable = No se pudo leer el cuerpo de la solicitud.
error-json-invalid = El cuerpo JSON no es válido: { $reason }
error-form-invalid = No se pudieron leer los datos del formulario.
error-query-invalid = Los parámetros de la dirección no son válidos: { $reason }
error-unavailable-title = No disponible por el momento
error-unavailable = Refuge no puede acceder a su base de datos en este momento. Inténtelo de nuevo dentro de un minuto.
error-internal-title = Algo ha salido mal
error-internal = Se produjo un error inesperado. No se ha cambiado nada. Si vuelve a ocurrir, avise a su administrador.
api-not-a-token = Esta solicitud no se hizo con un token de portador (bearer).

## Solicitudes y etapas del caso
claim-kind-affirmative = Afirmativa (USCIS)
claim-kind-defensive = Defensiva (corte de inmigración)
claim-kind-credible-fear = Miedo creíble (frontera)
claim-kind-invalid = Elija afirmativa, defensiva o miedo creíble.
case-stage-inquiry = Consulta
case-stage-conflict-check = Verificación de conflictos
case-stage-consultation = Entrevista inicial
case-stage-retained = Aceptado
case-stage-declined = No aceptado
case-stage-credible-fear-pending = Entrevista de miedo creíble pendiente
case-stage-credible-fear-positive = Miedo creíble reconocido
case-stage-credible-fear-negative = Miedo creíble no reconocido
case-stage-ij-review = Revisión por el juez de inmigración
case-stage-drafting = Preparación del I-589
case-stage-filed = Presentado ante USCIS
case-stage-receipt-received = Aviso de recibo recibido
case-stage-biometrics-scheduled = Cita de biometría programada
case-stage-interview-scheduled = Entrevista de asilo programada
case-stage-interviewed = Entrevista de asilo realizada
case-stage-referred-to-court = Remitido a la corte de inmigración
case-stage-nta-served = Notificación de comparecencia (NTA) entregada
case-stage-master-hearing = Audiencia preliminar (master calendar)
case-stage-application-lodged = I-589 presentado ante la corte
case-stage-merits-hearing = Audiencia de fondo (merits)
case-stage-granted = Concedido
case-stage-denied = Denegado
case-stage-bia-appeal = Apelación ante la BIA
case-stage-withdrawn = Retirado
case-stage-closed = Cerrado
case-stage-invalid = Elija una etapa de la lista.
case-stage-unchanged = El caso ya está en la etapa «{ $stage }».
case-stage-wrong-kind = «{ $stage }» no es una etapa de un caso { $kind ->
        [affirmative] afirmativo
        [defensive] defensivo
       *[other] de miedo creíble
    }, así que no puede pasar de «{ $from }» a «{ $to }».
case-stage-transition-not-allowed = Un caso { $kind ->
        [affirmative] afirmativo
        [defensive] defensivo
       *[other] de miedo creíble
    } no puede pasar de «{ $from }» a «{ $to }».
case-stage-reopen-required = Este caso está en «{ $from }». Reábralo antes de pasarlo a «{ $to }».
case-stage-reopen-not-closed = Solo se puede reabrir un caso no aceptado, retirado o cerrado; este está en «{ $from }».
case-stage-reopen-not-allowed = Un caso que está en «{ $from }» no se puede reabrir en «{ $to }».

## Plazos
deadline-one-year-filing = Plazo de un año para presentar (I-589)
deadline-ead-may-file = Puede solicitar permiso de trabajo (I-765)
deadline-ead-may-be-granted = Se puede conceder el permiso de trabajo
deadline-bia-appeal = Vence la apelación ante la BIA
deadline-parole-expiry = Vence el parole
deadline-re-parole-window = Solicitar un nuevo parole
deadline-child-ages-out = El hijo o la hija cumple 21 años
deadline-i730 = Vence el I-730 para familiares en el extranjero
deadline-hearing = Audiencia en la corte
deadline-interview = Entrevista de asilo
deadline-biometrics = Cita de biometría
filing-exception-changed-circumstances = Cambio de circunstancias
filing-exception-extraordinary-circumstances = Circunstancias extraordinarias

## Días feriados federales de EE. UU.
holiday-new-years-day = Año Nuevo
holiday-martin-luther-king-jr-day = Natalicio de Martin Luther King, Jr.
holiday-washingtons-birthday = Natalicio de Washington
holiday-memorial-day = Día de los Caídos (Memorial Day)
holiday-juneteenth = Día Nacional de la Independencia de Juneteenth
holiday-independence-day = Día de la Independencia
holiday-labor-day = Día del Trabajo
holiday-columbus-day = Día de Colón
holiday-veterans-day = Día de los Veteranos
holiday-thanksgiving-day = Día de Acción de Gracias
holiday-christmas-day = Navidad

## Vocabularios del expediente
validation-a-number = Escriba el número A como aparece en los avisos de USCIS, p. ej. A-012-345-678: la letra A y luego 8 o 9 dígitos.
validation-a-number-length = Un número A tiene 8 o 9 dígitos; este tiene { $digits }.
validation-a-number-zero = Un número A no puede ser todo ceros.
validation-country = «{ $code }» no es un código de país; use dos letras, como RU, UA, BY.
validation-language-code = «{ $code }» no es un código de idioma; use dos letras, como ru, uk, en.
validation-choice = Elija una de las opciones.
sex-female = Femenino
sex-male = Masculino
sex-x = Sin especificar (X)
entry-port_parole = En un puerto de entrada, con parole
entry-cbp_one = Cita de CBP One
entry-without_inspection = Entrada sin inspección
entry-uniting_for_ukraine = Uniting for Ukraine
entry-visa = Con visa
entry-other = Otra
travel-air = Por aire
travel-land = Por tierra
travel-car = Automóvil
travel-bus = Autobús
travel-on_foot = A pie
travel-sea = Por mar
relationship-spouse = Cónyuge
relationship-child = Hijo o hija
relationship-parent = Padre o madre
relationship-sibling = Hermano o hermana
relationship-fiance = Prometido/a
relationship-other = Otro
marital-single = Soltero/a
marital-married = Casado/a
marital-divorced = Divorciado/a
marital-widowed = Viudo/a
persecutor-police = Policía
persecutor-security_service = Servicio de seguridad
persecutor-military = Fuerzas armadas
persecutor-non_state_actor = Actor no estatal
persecutor-other = Otro
status-paroled = Con parole
status-in_proceedings = En proceso ante la corte
status-detained = Detenido/a
status-asylee = Asilado/a
status-tps = TPS
status-lpr = Residente permanente
status-no_status = Sin estatus
status-other = Otro
checklist-missing = Falta
checklist-requested = Solicitado
checklist-received = Recibido
checklist-translated = Traducido
checklist-filed = Presentado
event-master_hearing = Audiencia preliminar (master calendar)
event-merits_hearing = Audiencia de fondo (merits)
event-interview = Entrevista de asilo
event-biometrics = Biometría
validation-name-or-none = Escriba el nombre como en el pasaporte, o NONE si el pasaporte no tiene ninguno.
validation-too-many-rows = Como máximo { $max } filas por sección.
validation-arrival-before-departure = La llegada es anterior a la salida.
validation-number = Escriba un número entero.
validation-date-too-early = Escriba una fecha a partir de 1900.
validation-date-future = Esta fecha está en el futuro.
validation-lawyer = Elija un abogado o abogada en activo.
validation-paralegal = Elija un asistente legal en activo.
case-kind-required = Primero registre el tipo de solicitud en la admisión.
case-conflict-unresolved = Registre una verificación de conflictos sin conflicto antes de la entrevista inicial.

## --- formulario de admisión ---
intake-title-new = Nueva admisión
intake-title-edit = Admisión { $reference }
intake-intro = Guarde un borrador en cualquier momento y complételo más tarde.
intake-audit-promise = El registro de auditoría guarda quién cambió este formulario y cuándo. Solo conserva los valores del tipo de solicitud, el abogado y el asistente legal, las opciones de intérprete y de contacto seguro, y quién es derivado; de cualquier otro campo solo registra que cambió.
intake-needed-legend = Los campos marcados con * son necesarios para completar la admisión; un borrador puede dejarlos vacíos.
intake-status-draft = Esta admisión es un borrador.
intake-status-complete = Esta admisión está completa: los cambios deben mantenerla completa.
intake-back-to-case = Volver al caso
intake-needed = (necesario para completar)
intake-not-recorded = — no registrado —
intake-staff-unavailable = { $name } (ya no está disponible)
intake-draft-needs-name = Escriba al menos uno de los nombres del cliente (apellidos, nombre o nombre en su alfabeto) antes de guardar.
intake-save-draft = Guardar borrador
intake-complete = Completar la admisión
intake-save = Guardar los cambios
intake-save-hint = A un borrador le puede faltar cualquier cosa. Al completarlo se comprueba que esté todo lo necesario.
intake-save-complete-hint = Al guardar se comprueba que sigue estando todo lo necesario para completar la admisión.
intake-section-client = Cliente
intake-section-contact = Contacto
intake-section-entry = Entrada en los Estados Unidos
intake-section-family = Familiares
intake-section-journey = Viaje
intake-section-persecution = Persecución y arrestos
intake-section-claim = Solicitud
intake-name-hint = Como en el pasaporte, letra por letra.
intake-middle-name-hint = Como en el pasaporte; escriba NONE si no tiene segundo nombre (el I-589 no admite campos en blanco).
intake-client-family-name = Apellidos
intake-client-given-name = Nombre
intake-client-middle-name = Segundo nombre
intake-client-native-name = Nombre en su alfabeto
intake-client-native-name-hint = Por ejemplo, en cirílico: Евгений Щербаков.
intake-client-other-names = Otros nombres y grafías
intake-client-other-names-hint = Uno por línea: otras grafías en alfabeto latino, nombres anteriores, alias.
intake-client-date-of-birth = Fecha de nacimiento
intake-client-sex = Sexo (como en el pasaporte)
intake-client-country-of-birth = País de nacimiento
intake-client-nationalities = Nacionalidades
intake-client-nationalities-hint = Un país por casilla. Al guardar aparece otra casilla vacía para uno más.
intake-client-languages = Idiomas
intake-client-languages-hint = Un idioma por casilla. Al guardar aparece otra casilla vacía para uno más.
intake-client-interpreter = Necesita intérprete
intake-client-a-number = Número A
intake-client-a-number-hint = Como en los documentos de USCIS o de la corte, p. ej. A-012-345-678. Déjelo vacío si aún no tiene.
intake-client-passports = Número(s) de pasaporte
intake-client-passport-expiry = El pasaporte vence el
intake-client-immigration-status = Estatus migratorio
intake-contact-warning = Alguien en el domicilio del cliente o un familiar en su país de origen puede estar vigilado. Marque «seguro» solo para un medio que el cliente confirme que nadie más lee ni contesta.
intake-client-phone = Teléfono
intake-client-phone-safe = Seguro para llamar o enviar SMS
intake-client-email = Correo electrónico
intake-client-email-safe = Seguro para escribir por correo
intake-client-messenger = Mensajería (aplicación y cuenta)
intake-client-messenger-safe = Seguro para enviar mensajes
intake-client-us-address = Dirección en EE. UU.
intake-client-address-safe = Seguro para enviar correo postal
intake-entry-last-arrival = Fecha de la última llegada a EE. UU.
intake-entry-last-arrival-hint = El plazo de un año para pedir asilo se cuenta desde esta fecha: la llegada más reciente, no la primera.
intake-entry-port = Puerto de entrada
intake-entry-port-hint = Por ejemplo, San Ysidro.
intake-entry-manner = Forma de entrada
intake-entry-i94 = Número de I-94
intake-entry-class = Clase de admisión
intake-entry-class-hint = Como en el I-94, p. ej. DT para parole.
intake-entry-parole-expires = El parole vence el
intake-family-intro = Anote a todos los cónyuges e hijos, incluso los que están en el extranjero. Solo el cónyuge y los hijos solteros menores de 21 años que están en EE. UU. pueden incluirse como derivados.
intake-family-member = Familiar { $number }
intake-family-relationship = Parentesco
intake-family-family-name = Apellidos
intake-family-given-name = Nombre
intake-family-native-name = Nombre en su alfabeto
intake-family-date-of-birth = Fecha de nacimiento
intake-family-marital-status = Estado civil
intake-family-in-us = En EE. UU.
intake-family-derivative = Incluir como derivado en el I-589
intake-family-safe = Seguro para contactar
intake-family-notes = Notas
intake-family-add = Añadir un familiar
intake-family-remove = Quitar el familiar { $number }
intake-family-none = No hay familiares registrados.
intake-journey-intro = Un tramo por trayecto, en orden, desde el país de origen hasta EE. UU.
intake-journey-leg = Tramo { $number }
intake-journey-from-country = País de salida
intake-journey-from-city = Ciudad de salida
intake-journey-to-country = País de llegada
intake-journey-to-city = Ciudad de llegada
intake-journey-departed = Salida el
intake-journey-arrived = Llegada el
intake-journey-mode = Medio de transporte
intake-journey-notes = Compañía, vuelo o notas
intake-journey-add = Añadir un tramo
intake-journey-up = Subir el tramo { $number }
intake-journey-remove = Quitar el tramo { $number }
intake-journey-none = No hay viaje registrado.
intake-persecution-intro = Arrestos, detenciones, registros, cargos, golpizas, amenazas: un evento cada uno. Es la parte más delicada del expediente: el registro de auditoría guarda que cambió, nunca lo que dice (ni fechas, ni lugares, ni quién actuó, ni los días de detención).
intake-persecution-event = Evento { $number }
intake-persecution-date = Fecha
intake-persecution-place = Lugar
intake-persecution-actor = Quién actuó
intake-persecution-detention-days = Días de detención
intake-persecution-description = Qué pasó
intake-persecution-charges = Cargos
intake-persecution-outcome = Resultado
intake-persecution-evidence = Pruebas que existen
intake-persecution-evidence-hint = Por ejemplo, un video, un expediente judicial, un informe médico.
intake-persecution-add = Añadir un evento
intake-persecution-remove = Quitar el evento { $number }
intake-persecution-none = No hay eventos registrados.
intake-claim-kind = Tipo de solicitud
intake-claim-lawyer = Abogado/a de registro
intake-claim-paralegal = Asistente legal

## --- página del caso ---
case-print-summary = Imprimir el resumen
case-summary-title = Resumen del cliente
case-summary-print-hint = Imprima esta página desde el navegador (Ctrl+P): la navegación y los enlaces no salen en el papel.
case-reference = Caso
case-saved = Guardado.
case-edit-intake = Editar la admisión
case-edit = Editar
case-overview-title = Resumen
case-overview-people = Personas
case-overview-principal = solicitante principal
case-header-stage = Etapa
case-header-kind = Solicitud
case-header-lawyer = Abogado/a
case-header-paralegal = Asistente legal
case-nobody = Sin asignar
case-yes = Sí
case-no = No
case-none-recorded = No hay nada registrado.
case-age = { $age ->
    [one] { $age } año
   *[other] { $age } años
}
case-one-year-title = Plazo de un año para presentar
case-one-year-until-filed = El I-589 debe presentarse a más tardar este día. Este aviso se mantiene hasta que se registre la fecha de presentación en las fechas clave.
case-one-year-exception = Excepción registrada: { $kind }, plazo razonable hasta el { $date }.
case-one-year-no-arrival = El I-589 no se ha presentado y la fecha de la última llegada no está registrada, así que no se puede calcular el plazo de un año. Registre la llegada en la admisión.
case-days-left = { $days ->
    [one] queda { $days } día
   *[other] quedan { $days } días
}
case-days-today = vence hoy
case-days-overdue = { $days ->
    [one] vencido hace { $days } día
   *[other] vencido hace { $days } días
}
case-days-ago = { $days ->
    [one] hace { $days } día
   *[other] hace { $days } días
}
case-deadlines-title = Plazos
case-deadlines-past = Fechas que ya pasaron
case-next-deadline = Próximo plazo
case-no-deadlines = Todavía no hay plazos.
case-deadline = Plazo
case-due = Fecha
case-remaining = Tiempo restante
case-overdue = Vencido
case-section-client = Cliente
case-client-name = Nombre (como en el pasaporte)
case-client-native-name = Nombre en su alfabeto
case-client-other-names = Otras grafías y alias
case-client-dob = Fecha de nacimiento
case-client-sex = Sexo
case-client-country-of-birth = País de nacimiento
case-client-nationalities = Nacionalidades
case-client-languages = Idiomas
case-client-interpreter = Intérprete
case-interpreter-needed = Necesita
case-interpreter-not-needed = No necesita
case-client-a-number = Número A
case-client-passports = Números de pasaporte
case-client-passport-expiry = Vencimiento del pasaporte
case-client-status = Estatus migratorio
case-contact-title = Contacto
case-contact-phone = Teléfono
case-contact-email = Correo electrónico
case-contact-address = Dirección en EE. UU.
case-contact-messenger = Mensajería
case-contact-safe = seguro para contactar
case-contact-not-safe = NO es seguro para contactar
case-section-family = Familia
case-family-name = Nombre
case-family-relationship = Parentesco
case-family-dob = Nacimiento
case-family-marital = Estado civil
case-family-in-us = En EE. UU.
case-family-eligible = Derivado en el I-589
case-family-ages-out = Cumple 21 años
case-family-contact = Contacto
case-family-empty = No hay familiares registrados.
case-family-eligibility-hint = Solo el cónyuge y los hijos solteros menores de 21 años que están en EE. UU. pueden ser derivados; aun así, todos los cónyuges e hijos deben figurar en el I-589.
case-eligible-yes = Elegible
case-eligible-no = No elegible
case-derivative-requested = incluido como derivado
case-derivative-not-requested = no incluido
case-section-journey = Viaje
case-journey-empty = No hay viaje registrado.
case-journey-departed = Salida
case-journey-arrived = llegada
case-section-entry = Entrada
case-entry-last-arrival = Última llegada a EE. UU.
case-entry-port = Puerto de entrada
case-entry-manner = Forma de entrada
case-entry-i94 = Número de I-94
case-entry-class = Clase de admisión
case-entry-parole-expires = Vencimiento del parole
case-section-persecution = Historial de persecución y arrestos
case-persecution-empty = No hay eventos registrados.
case-persecution-actor = Quién actuó
case-persecution-what = Qué pasó
case-persecution-detention = Detención
case-persecution-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
case-persecution-charges = Cargos
case-persecution-outcome = Resultado
case-persecution-evidence = Pruebas
case-section-claim = Solicitud
case-claim-conflict = Verificación de conflictos
case-conflict-unchecked = Aún no verificado
case-conflict-clear = Sin conflicto
case-conflict-found = Conflicto: { $reason }
case-conflict-check-link = Hacer la verificación de conflictos
case-claim-intake = Admisión
case-intake-complete = Completa
case-intake-draft = Admisión en borrador
case-claim-opened = Abierto
case-claim-updated = Última actualización
case-section-stage = Etapa e historial
case-move-to = Pasar a
case-move-note = Nota (opcional)
case-move-submit = Cambiar de etapa
case-move-none = Desde aquí no se puede elegir ninguna otra etapa.
case-move-closing-hint = No aceptar, retirar, cerrar y reabrir un caso corresponde a los abogados y administradores.
case-history-title = Historial de etapas
case-history-when = Cuándo
case-history-who = Quién
case-history-change = Cambio
case-history-note = Nota
case-history-opened = Abierto
case-section-dates = Fechas clave
case-dates-i589-filed = I-589 presentado
case-dates-i589-received = I-589 recibido por USCIS o presentado ante la corte
case-dates-exception = Excepción al plazo de un año
case-dates-exception-none = Ninguna
case-dates-exception-until = Fin del plazo razonable para presentar
case-dates-exception-lawyer-only = Una excepción al plazo de un año es una decisión del abogado: solo los abogados y administradores la registran.
case-dates-ij-decision = Decisión del juez de inmigración
case-dates-granted = Asilo concedido
case-dates-court-verified = Última comprobación con la corte
case-dates-submit = Guardar las fechas
case-section-events = Audiencias, entrevistas y biometría
case-events-empty = No hay nada programado.
case-event-when = Cuándo
case-event-kind = Tipo
case-event-date = Fecha
case-event-time = Hora (opcional)
case-event-place = Lugar
case-event-official = Juez o funcionario
case-event-add-title = Añadir una audiencia o cita
case-event-add = Añadir
case-event-remove = Quitar
case-event-outcome = Resultado
case-event-outcome-record = Registrar
case-event-outcome-correct = Corregir
case-section-ead = Reloj del permiso de trabajo (EAD)
case-ead-not-started = El reloj del EAD no ha empezado: registre en las fechas clave el día en que USCIS recibió el I-589 o en que se presentó ante la corte.
case-ead-start = Inicio del reloj
case-ead-days = Días en el reloj
case-ead-state = Reloj
case-ead-running = En marcha
case-ead-stopped = Parado
case-ead-stops = Paradas del reloj
case-ead-stopped-on = Parada
case-ead-restarted-on = Reanudación
case-ead-still-stopped = no reanudado
case-ead-reason = Motivo (demora causada por el solicitante)
case-ead-on = Fecha
case-ead-stop = Parar el reloj
case-ead-restart = Reanudar el reloj
case-ead-already-stopped = El reloj ya está parado; reanúdelo antes de registrar otra parada.
case-ead-not-stopped = El reloj está en marcha; no hay ninguna parada que terminar.
case-section-checklist = Lista de documentos
case-checklist-empty = Todavía no hay documentos en la lista.
case-checklist-item = Documento
case-checklist-status = Estado
case-checklist-note = Nota
case-checklist-updated = Actualizado
case-checklist-save = Guardar
case-checklist-add-title = Añadir un documento
case-checklist-add = Añadir
case-section-notes = Notas
case-note-body = Nota nueva
case-note-add = Añadir la nota
case-notes-empty = Todavía no hay notas.
case-section-audit = Historial de auditoría
case-audit-hint = Cada lectura y cada cambio de este caso, los más recientes primero (los últimos 20).
case-purge-title = Eliminar el expediente de este cliente
case-purge-hint = Solo para la política de conservación. El cliente, la familia, el viaje, la entrada y el historial de persecución, y el caso con su historial, fechas, lista de documentos y notas se eliminan para siempre; el registro de auditoría conserva una entrada con la referencia. Para terminar el trabajo de la oficina en un caso, ciérrelo o retírelo.
case-purge-confirm = Escriba la referencia { $reference } para confirmar
case-purge-submit = Eliminar para siempre
validation-time = Escriba la hora como HH:MM.
validation-received-before-filed = El I-589 no puede recibirse antes de presentarse.
validation-ead-stop-before-start = El reloj no puede pararse antes de empezar.
validation-ead-restart-before-stop = El reloj no puede reanudarse antes de pararse.
validation-purge-confirm = Escriba la referencia del caso exactamente como aparece para confirmar.
validation-event-not-happened = La audiencia o cita aún no ha tenido lugar; registre su resultado cuando haya ocurrido.
settings-title = Configuración de la oficina
settings-paralegals-see-all = Los asistentes legales ven todos los casos
settings-paralegals-see-all-hint = Si está activado, los asistentes legales pueden abrir y leer todos los casos, no solo los que tienen asignados. Aun así, solo pueden cambiar los casos que tienen asignados.
settings-saved = Se ha guardado la configuración.

## --- búsqueda, verificación de conflictos y lista de casos ---
nav-cases = Casos
search-title = Búsqueda
search-label = Nombre, número A o referencia del caso
search-placeholder = Nombre, número A, referencia
search-hint = Los nombres coinciden en cirílico o en alfabeto latino y en cualquier grafía habitual (Юлия, Yulia, Iuliia, Julia); bastan dos letras para empezar un nombre. Números A con o sin guiones; referencias como R-2026-00042 o 2026-00042.
search-expired = Esta búsqueda ya no se conserva (las búsquedas se guardan una hora, y no tras un reinicio). Busque de nuevo.
search-submit = Buscar
search-too-short = Escriba al menos dos letras de un nombre, un número A o una referencia de caso.
search-count = { $count ->
    [one] { $count } coincidencia
   *[other] { $count } coincidencias
}
search-more = Solo se muestran las { $count } mejores y hay más personas que coinciden: añada una palabra, o busque por número A o por referencia del caso.
search-name = Nombre
search-person = Persona
search-case = Caso
search-stage = Etapa
search-date-of-birth = Fecha de nacimiento
search-match = Coincidencia
search-of-client = de { $name }
search-person-client = Cliente
search-match-reference = Referencia del caso
search-match-a-number = Número A
search-match-exact = Misma grafía
search-match-transliteration = Otra grafía del mismo nombre
search-match-equivalent = El mismo nombre en otro idioma
search-match-similar = Se escribe parecido
search-match-prefix = Empieza por lo que escribió
search-match-most-words = Coinciden todas las palabras menos una
conflict-title = Verificación de conflictos
conflict-intro = Todas las personas de los demás expedientes de la oficina cuyo nombre coincide con el de este cliente o de un familiar, en cualquier alfabeto o grafía. Las personas nacidas el mismo día aparecen primero y marcadas.
conflict-status = Verificación de conflictos
conflict-status-unchecked = Aún no registrada
conflict-status-clear = Sin conflicto
conflict-status-conflict = Conflicto
conflict-checked-by = Registrada por
conflict-count = { $count ->
    [one] { $count } posible coincidencia
   *[other] { $count } posibles coincidencias
}
conflict-none = No hay nombres que coincidan en otros expedientes.
conflict-same-date-of-birth = misma fecha de nacimiento
conflict-more = Coinciden más nombres de los que se muestran.
conflict-record-title = Registrar el resultado
conflict-outcome = Resultado
conflict-outcome-clear = Sin conflicto
conflict-outcome-conflict = Conflicto
conflict-reason = Motivo (obligatorio si hay conflicto)
conflict-record-submit = Registrar el resultado
conflict-next-consultation = Está registrado que no hay conflicto: el caso puede pasar a la entrevista inicial.
conflict-move-to-consultation = Pasar a la entrevista inicial
conflict-recorded = Se ha registrado el resultado de la verificación de conflictos.
case-list-title = Casos
case-list-count = { $count ->
    [one] { $count } caso
   *[other] { $count } casos
}
case-list-empty = Todavía no hay casos.
case-list-all-filters = Todos los casos, con filtros
case-list-reference = Referencia
case-list-client = Cliente
case-list-kind = Solicitud
case-list-lawyer = Abogado/a
case-list-paralegal = Asistente legal
case-list-next-deadline = Próximo plazo
case-list-deadline = Plazo
case-list-updated = Actualizado
case-list-due-today = vence hoy
case-list-days-left = { $days ->
    [one] queda { $days } día
   *[other] quedan { $days } días
}
case-list-scope = Mostrar
case-list-scope-mine = Mis casos
case-list-scope-all = Todos los casos
case-list-any = Cualquiera
case-list-anyone = Cualquiera
case-list-nationality = Nacionalidad
case-list-port = Puerto de entrada
case-list-one-year-within = Plazo de un año dentro de (días)
case-list-hearing-within = Audiencia dentro de (días)
case-list-not-updated = Casos abiertos sin actualizar en 60 días
case-list-apply = Filtrar
case-list-reset = Quitar los filtros
case-list-days-invalid = Escriba un número de días de 0 a { $max }.

## --- API ---

## --- datos de demostración ---

## --- notificaciones por correo electrónico ---
email-greeting = Hola, { $name }:
email-footer = Los correos de Refuge solo llevan referencias de casos, fechas y enlaces, nunca nombres ni relatos: abra el enlace para ver el caso.
email-preferences = Elija qué recibe
email-role-lawyer = abogado/a de registro
email-role-paralegal = asistente legal
email-case-assigned = Se le ha asignado el caso { $reference } como { $role }.
email-stage-changed = El caso { $reference } pasó de «{ $from }» a «{ $to }».
email-reminder = Caso { $reference }: { $deadline } el { $date }, { $days ->
    [0] hoy
    [one] dentro de { $days } día
   *[other] dentro de { $days } días
}.
email-court-recheck = { $count ->
    [one] Un caso tiene una audiencia
   *[other] { $count } casos tienen audiencias
} sin comprobar con la corte en los últimos 7 días:
email-court-recheck-case = { $reference }: audiencia el { $date }, { $verified }
email-court-verified-on = comprobada por última vez el { $date }
email-court-never-verified = nunca comprobada
email-client-initials = Cliente: { $initials }
email-subject-case-assigned = Refuge: se le ha asignado el caso { $reference }
email-subject-stage-changed = Refuge: el caso { $reference } cambió de etapa
email-subject-reminder = Refuge: caso { $reference }, plazo { $days ->
    [0] hoy
    [one] dentro de { $days } día
   *[other] dentro de { $days } días
}
email-subject-court-recheck = Refuge: fechas de audiencia que hay que volver a comprobar con la corte
email-subject-security-alert = Refuge: rechazos repetidos para una cuenta del personal
email-security-alert = A { $name } se le rechazó el acceso { $count } veces en la última hora.
email-security-alert-check = Revise los eventos de seguridad: una dirección mal escrita, un rol que hay que cambiar, o alguien que intenta lo que no le está permitido.
email-subject-audit-seal = Refuge: sello del registro de auditoría del { $date }
email-audit-seal = El { $date }, la cadena del registro de auditoría terminaba en la entrada { $entry }. Su sello:
email-audit-seal-keep = Guarde este mensaje. `refuge audit verify --seal { $seal }` muestra si alguna entrada hasta esta se ha cambiado o eliminado desde entonces.
email-subject-digest = Refuge: resumen diario, { $count ->
    [one] { $count } novedad
   *[other] { $count } novedades
}
email-digest-intro = { $count ->
    [one] Una novedad
   *[other] { $count } novedades
} desde el último resumen:
account-notifications-title = Notificaciones por correo electrónico
account-notifications-hint = Elija cómo le llega cada tipo: al momento, en un resumen diario (enviado a las { $time }, { $zone }), o nunca. Los recordatorios del plazo de un año y del plazo de apelación no se pueden desactivar.
account-notifications-submit = Guardar las preferencias de notificación
account-notifications-saved = Se han guardado sus preferencias de notificación.
notification-kind-case-assigned = Se me asigna un caso
notification-kind-stage-changed = Cambia la etapa de un caso del que soy abogado/a de registro
notification-kind-one-year-reminder = Plazo de un año para presentar: 60, 30, 14, 7 y 1 días antes
notification-kind-hearing-reminder = Audiencias, entrevistas y biometría: 14, 7 y 1 días antes
notification-kind-appeal-reminder = Vencimiento de la apelación ante la BIA: 14, 7 y 2 días antes
notification-kind-parole-reminder = Vencimiento del parole: 90 y 60 días antes
notification-kind-age-out-reminder = Un hijo o hija derivado cumple 21 años dentro de 120 días
notification-kind-court-recheck = Lista semanal de fechas de audiencia que hay que volver a comprobar con la corte
notification-delivery-immediate = Al momento
notification-delivery-digest = Resumen diario
notification-delivery-off = Desactivado
notification-cannot-turn-off = no se puede desactivar
validation-delivery = Elija al momento, resumen diario o desactivado.
validation-delivery-required = Este recordatorio no se puede desactivar.
nav-mail = Correo
mail-title = Correo saliente
mail-intro = Mensajes en espera de envío y mensajes que no se pudieron enviar. Un mensaje que no se puede enviar se vuelve a intentar, con esperas cada vez más largas, durante { $hours } horas, y después se marca como fallido.
mail-pending-count = En espera: { $count }
mail-failed-count = Fallidos: { $count }
mail-none = No hay nada en espera ni nada fallido.
mail-col-recipient = Destinatario
mail-col-subject = Asunto
mail-col-status = Estado
mail-col-attempts = Intentos
mail-col-next = Próximo intento
mail-col-error = Último error
mail-col-created = Creado
mail-status-pending = En espera
mail-status-failed = Fallido
mail-retry = Enviar de nuevo
mail-retried = El mensaje se volverá a enviar en breve.
home-mail-failed = { $count ->
    [one] No se pudo enviar un correo.
   *[other] No se pudieron enviar { $count } correos.
}
home-mail-link = Ver el correo saliente
home-backup-failed = La copia de seguridad nocturna del { $time } falló: { $reason }.
home-backup-overdue = Ninguna copia de seguridad nocturna ha salido bien desde { $time }.
home-backup-none = Las copias de seguridad nocturnas están activadas, pero todavía no ha salido bien ninguna.
home-backup-hint = Hasta que una copia de seguridad salga bien, la oficina no tiene ninguna reciente: revise backup.directory y el registro del servidor (README, «Backups and restoring»).
settings-email-initials = Añadir las iniciales del cliente a los correos de notificación
settings-email-initials-hint = Desactivado por defecto: el correo electrónico no es un medio seguro. Las iniciales ayudan a un abogado a reconocer un caso de un vistazo; nunca se envían nombres, números A ni nacionalidades.

## --- informes semanales ---
nav-reports = Informes
report-title = Informe semanal de casos
report-so-far = hasta ahora
report-weeks = Semanas
report-previous-week = Semana anterior
report-next-week = Semana siguiente
report-at-a-glance = La semana de un vistazo
report-this-week = Esta semana
report-last-week = La semana pasada
report-attention = Requiere atención
report-waiting-conflict-check = A la espera de la verificación de conflictos
report-waiting-decision = Con entrevista inicial, a la espera de aceptar o no aceptar
report-details = Todas las cifras de la semana
report-email-last-week = la semana pasada: { $count }
report-week = Semana
report-of = Casos de
report-of-office = Toda la oficina
report-show = Mostrar
report-csv-summary = Descargar las tablas (CSV)
report-csv-cases = Descargar los casos (CSV)
report-activity = La semana
report-new-inquiries = Consultas nuevas
report-intakes = Admisiones (entrevistas iniciales)
report-retained = Aceptados
report-declined = No aceptados
report-closed = Cerrados
report-withdrawn = Retirados
report-grants = Concesiones
report-stage-changes = Cambios de etapa
report-none = Ninguno.
report-open = Casos abiertos al final de la semana
report-open-total = Casos abiertos
report-chart-stages = Casos abiertos por etapa
report-by-stage = Por etapa
report-by-kind = Por tipo de solicitud
report-by-lawyer = Por abogado/a
report-by-paralegal = Por asistente legal
report-by-nationality = Por nacionalidad
report-by-port = Por puerto de entrada
report-not-recorded = No registrado
report-ahead = Plazos, audiencias y lo vencido
report-due-total = Casos con un plazo o una audiencia en los 30 días siguientes a la semana
report-overdue = Vencido
report-overdue-total = Casos con algo vencido
report-overdue-one-year = Plazo de un año vencido, I-589 sin presentar
report-overdue-appeal = Plazo de apelación ante la BIA perdido
report-overdue-hearing-outcome = Audiencia celebrada, sin resultado registrado
report-stale = Casos abiertos sin tocar en 60 días
report-unverified = Próximas audiencias sin comprobar con la corte esta semana
report-trend = Doce semanas
report-chart-trend = Admisiones y concesiones, doce semanas
report-week-invalid = Escriba una semana ISO, como 2026-W47.
report-week-future = Esa semana todavía no ha empezado.
report-figure-invalid = Cifra del informe desconocida.
report-scope-invalid = Elija la oficina o un abogado.
report-scope-unknown = No existe ese abogado o asistente legal.
report-table-invalid = La tabla CSV debe ser "summary" o "cases".
report-email-subject-office = Informe semanal de casos { $week }: la oficina
report-email-subject-own = Informe semanal de casos { $week }: sus casos
report-email-intro = La semana { $week } (del { $from } al { $until }) de un vistazo. Cada número enlaza con sus casos.
report-email-open-page = Abrir el informe completo

## Issue 12 §6 (fallos): datos mal formados, paginación, reservas de correo
error-field-refused = «{ $field }»: { $reason }
mail-send-now = Enviar ahora
mail-sent-now = Se ha enviado el mensaje.
mail-not-sent-now = No se pudo enviar el mensaje ahora; espera a su próximo intento (vea el error).
audit-action-mail-sent-now = Correo enviado al momento por un administrador

## Issue 12 §3 (datos de demostración): el aviso de una oficina de demostración (`refuge demo`).
banner-demo-office = Oficina de demostración: todas las personas, casos y mensajes de aquí son ficticios. No introduzca datos reales de clientes.

## Parte audit-trail (issue 12 §4): el historial de auditoría en palabras
audit-action-account-notifications-changed = Preferencias de notificación cambiadas
audit-action-access-denied = Acceso denegado
audit-action-case-list-viewed = Lista de casos vista
audit-action-search-run = Búsqueda realizada
audit-action-security-alert-sent = Aviso a los administradores por rechazos repetidos
audit-action-account-updated = Cuenta propia cambiada
audit-action-api-token-created = Token de API emitido
audit-action-api-token-revoked = Token de API revocado
audit-action-case-checklist-item-added = Documento añadido a la lista
audit-action-case-checklist-item-updated = Documento de la lista actualizado
audit-action-case-conflict-checked = Verificación de conflictos registrada
audit-action-case-conflict-searched = Búsqueda de conflictos realizada
audit-action-case-created = Caso abierto
audit-action-case-dates-changed = Fechas clave cambiadas
audit-action-case-ead-clock-restarted = Reloj del EAD reanudado
audit-action-case-ead-clock-stopped = Reloj del EAD parado
audit-action-case-event-added = Audiencia o cita añadida
audit-action-case-event-outcome-recorded = Resultado de audiencia o cita registrado
audit-action-case-event-removed = Audiencia o cita quitada
audit-action-case-i589-check-overridden = Presentado con puntos del I-589 sin completar
audit-action-case-note-added = Nota añadida
audit-action-case-purged = Expediente del cliente eliminado (conservación)
audit-action-case-stage-changed = Etapa cambiada
audit-action-case-updated = Admisión cambiada
audit-action-case-viewed = Expediente abierto
audit-action-demo-data-loaded = Datos de demostración cargados
audit-action-invitation-accepted = Invitación aceptada
audit-action-login-failed = Inicio de sesión fallido
audit-action-login-succeeded = Sesión iniciada
audit-action-login-throttled = Inicio de sesión rechazado: demasiados intentos
audit-action-logout = Sesión cerrada
audit-action-mail-retried = Correo enviado de nuevo
audit-action-office-settings-changed = Configuración de la oficina cambiada
audit-action-password-changed = Contraseña cambiada
audit-action-report-exported = Informe descargado
audit-action-report-viewed = Informe visto
audit-action-setup-completed = Primer administrador configurado
audit-action-staff-created = Miembro del personal añadido
audit-action-staff-deactivated = Miembro del personal desactivado
audit-action-staff-password-reset = Contraseña restablecida
audit-action-staff-reactivated = Miembro del personal reactivado
audit-action-staff-updated = Miembro del personal cambiado
audit-field-stage = Etapa
audit-field-reference = Referencia del caso
audit-field-intake-complete = Admisión completa
audit-field-demo-data = Datos de demostración
audit-field-with-note = Con una nota
audit-field-i589-missing-count = Puntos sin completar
audit-field-i589-missing-items = Puntos que faltan
audit-field-conflict-outcome = Resultado
audit-field-event-kind = Tipo
audit-field-on = Fecha
audit-field-corrected = Corrigió un resultado anterior
audit-field-checklist-status = Estado del documento
audit-field-note = Nota
audit-field-people-checked = Personas verificadas
audit-field-matches = Nombres coincidentes
audit-field-same-date-of-birth = Misma fecha de nacimiento
audit-field-channel = Por
audit-channel-html = las páginas web
audit-channel-api = la API
audit-field-reason = Motivo
audit-reason-unknown-account = no existe esa cuenta
audit-reason-no-password = la cuenta aún no tiene contraseña
audit-reason-inactive = la cuenta está desactivada
audit-reason-wrong-password = contraseña incorrecta
audit-field-retry-after = Segundos de espera
audit-field-route = Dirección solicitada
audit-field-results = Resultados
audit-field-search = Búsqueda por
audit-search-names = nombres
audit-search-numbers = referencia o número A
audit-field-list = Casos
audit-field-refusals = Rechazos en la hora
audit-field-view = Página
audit-view-audit-trail = El historial de auditoría del caso
audit-field-export = Descargado
audit-export-cases = Los casos, una fila cada uno
audit-export-summary = Las cifras del informe
audit-field-rows = Filas
audit-refusal-role = no permitido para el rol
audit-refusal-not-assigned = caso no asignado
audit-refusal-csrf = token del formulario ausente o incorrecto
audit-refusal-second-factor = segundo factor ausente o incorrecto
audit-refusal-throttled = demasiados intentos
audit-field-active = Activo
audit-field-invited = Invitado por correo electrónico
audit-field-figure = Cifra
audit-field-figure-group = Grupo
audit-field-clients = Clientes
audit-field-seed = Semilla
audit-field-today = A fecha de
audit-changed = cambiado
audit-former-staff = un antiguo miembro del personal
audit-case = Caso
audit-case-deleted = { $reference } (eliminado)
audit-filter-case = Referencia del caso
audit-trail-title = Historial de auditoría del caso { $reference }
audit-trail-back = Volver al caso
audit-trail-all = Todo el historial de auditoría de este caso
validation-page = Escriba un número de página como número entero.
validation-case-reference = Escriba una referencia de caso como R-2026-00042.
audit-action-demo-data-removed = Datos de demostración eliminados
audit-field-staff-count = Cuentas del personal
audit-field-cases = Casos
audit-field-audit-entries = Entradas de auditoría

# --- Issue 12 §2, plazos en los que un abogado puede confiar: qué cumple cada plazo (docs/deadlines.md)
deadline-green-card-eligible = Puede solicitar la tarjeta verde (I-485)
deadline-child-ages-out-named = { $name } cumple 21 años
case-dates-appeal-filed = Notificación de apelación (EOIR-26) presentada
case-dates-i765-filed = Solicitud de permiso de trabajo (I-765) presentada
case-dates-re-parole-filed = Nuevo parole solicitado
case-dates-i730-filed = I-730 presentado para familiares en el extranjero
case-dates-i485-filed = Solicitud de tarjeta verde (I-485) presentada
case-dates-satisfies-hint = Una fecha de presentación cierra el plazo al que responde: la notificación de apelación cierra el plazo de la BIA, el nuevo parole las fechas del parole, el I-765 la fecha del día 150, y el I-730 y el I-485 los suyos propios.
validation-appeal-before-decision = La apelación no puede presentarse antes de la decisión del juez.
validation-filed-before-grant = Esto se presenta después de que se concede el asilo: escriba la fecha de concesión, y una fecha igual o posterior.

## Issue 12 §1 (formularios guardados): nada de lo escrito se pierde
held-sign-in-again = Su sesión terminó antes de guardar el formulario. No se guardó nada, pero lo que escribió se conserva: inicie sesión de nuevo y se volverá a poner en el formulario.
held-restored = Su sesión había terminado, así que este formulario no se guardó. Lo que escribió se ha vuelto a poner: revíselo y guarde de nuevo.
session-expiry-warning = Su sesión se cerrará dentro de dos minutos si no sigue trabajando. Lo que escribió aún no está guardado.
session-stay = Mantener la sesión
session-ended-unsaved = Puede que su sesión haya terminado. Pulse guardar de todos modos: no se pierde nada de lo que escribió, y se le pedirá que inicie sesión de nuevo si hace falta.
intake-autosaved = Borrador guardado automáticamente.
intake-autosave-problems = No se guardó automáticamente: el formulario tiene problemas, que se muestran al guardarlo.

## Mis sesiones, inicio de sesión anterior (issue 13)
api-not-a-session = Esta solicitud no se hizo desde una sesión de navegador iniciada.
sessions-title = Mis sesiones
sessions-hint = Todos los navegadores con sesión iniciada en su cuenta. Si no reconoce alguno, cierre esa sesión y cambie su contraseña.
sessions-device = Navegador y sistema
sessions-address = Dirección
sessions-signed-in = Inicio de sesión
sessions-last-seen = Última actividad
sessions-browser-unknown = Navegador desconocido
sessions-on-system = en { $system }
sessions-this-one = (este navegador)
sessions-address-unknown = desconocida
sessions-end = Cerrar
sessions-end-this = Cerrar la sesión aquí
sessions-end-others = Cerrar las demás sesiones
sessions-end-others-hint = Cierra todas las demás sesiones y revoca sus tokens de API; este navegador mantiene la sesión.
account-session-ended = La sesión se ha cerrado.
account-sessions-ended = Se han cerrado todas las demás sesiones y se han revocado sus tokens de API.
home-previous-sign-in = Su inicio de sesión anterior fue el { $time } (dirección: { $address }).
staff-end-sessions = Cerrar todas las sesiones
staff-sessions-ended = Se han cerrado todas las sesiones y tokens de API de esta persona. La cuenta sigue activa.
audit-action-session-ended = Sesión cerrada por su titular
audit-action-session-others-ended = Cierre de las demás sesiones
audit-action-staff-sessions-ended = Todas las sesiones cerradas por un administrador
audit-field-current-session = La sesión en uso
audit-field-sessions-ended = Sesiones cerradas
audit-action-account-locked = Cuenta bloqueada (bloqueo de emergencia)
audit-action-account-unlocked = Cuenta desbloqueada por un administrador
audit-action-account-lock-link-requested = Enlace de bloqueo solicitado
audit-reason-locked = cuenta bloqueada
login-locked = Esta cuenta está bloqueada (bloqueo de emergencia). Un administrador debe desbloquearla antes de que usted pueda iniciar sesión.
lock-title = Bloquear mi cuenta
lock-request-intro = ¿Ha perdido un teléfono o un portátil, o se lo han quitado? Escriba su correo electrónico de trabajo: le enviaremos un enlace de bloqueo. Al abrir ese enlace y confirmar, su cuenta queda bloqueada al instante, hasta que un administrador la desbloquee.
lock-request-submit = Envíenme un enlace de bloqueo
lock-request-sent = Si ese correo pertenece a una cuenta del personal, le hemos enviado un enlace de bloqueo.
lock-request-link = Pedir un enlace de bloqueo nuevo
lock-confirm-intro = ¿Bloquear esta cuenta ahora? Todas las sesiones y tokens de API terminan al instante, y nadie puede iniciar sesión hasta que un administrador la desbloquee.
lock-confirm-submit = Bloquear la cuenta
lock-confirm-expired = Esta página había caducado o no procedía de este sitio, así que la cuenta aún no está bloqueada. Pulse el botón otra vez para bloquearla.
lock-done = La cuenta está bloqueada. Todas las sesiones han terminado y se ha avisado a los administradores. Pida a uno de ellos que la desbloquee cuando esté a salvo.
lock-link-unusable = Este enlace de bloqueo ya se usó o ha caducado.
lock-account-title = Bloqueo de emergencia
lock-account-hint = Si pierde un dispositivo o se lo quitan, un enlace de bloqueo bloquea su cuenta desde cualquier navegador, sin iniciar sesión. Todos los correos de Refuge terminan con uno; también puede crear uno aquí y guardarlo en un lugar seguro (en papel, o en un gestor de contraseñas en otro dispositivo). Un enlace de bloqueo solo sirve para bloquear.
lock-account-link-label = Su enlace de bloqueo (se muestra una sola vez)
lock-account-link-submit = Crear un enlace de bloqueo
staff-locked-since = Bloqueada desde el { $time }
staff-unlock = Desbloquear la cuenta
staff-unlocked = La cuenta está desbloqueada. La persona inicia sesión con su contraseña.
email-lock-footer = ¿Ha perdido un dispositivo o se lo han quitado? Bloquee al instante su cuenta de Refuge con este enlace (solo sirve para bloquear):
email-subject-lock-link = Su enlace de bloqueo
email-lock-link-intro = Alguien ha pedido un enlace de bloqueo para su cuenta de Refuge. Ábralo y confirme para bloquear la cuenta al instante.
email-lock-link-not-you = Si no lo pidió usted, ignore este mensaje: no pasa nada hasta que se abra el enlace y se confirme.
email-lock-link-label = Bloquear mi cuenta
email-subject-account-locked = Se ha bloqueado una cuenta del personal
email-account-locked = La cuenta de { $name } se bloqueó con un enlace de bloqueo de emergencia el { $time } desde { $address }.
email-account-locked-unlock = Desbloquéela en la página del personal una vez que haya hablado con la persona.
login-lock-link = ¿Ha perdido un dispositivo? Bloquee su cuenta

## Inicio de sesión en dos pasos (issue 13)
second-factor-login-title = Segundo paso: su código
second-factor-login-hint = Abra su aplicación de autenticación y escriba el código de seis dígitos que muestra para Refuge. Si no tiene su teléfono, escriba en su lugar uno de sus códigos de recuperación.
second-factor-login-submit = Continuar
second-factor-someone-else = Iniciar sesión como otra persona
second-factor-required-intro = Su oficina exige un segundo factor para iniciar sesión. Configúrelo ahora: tarda un minuto.
second-factor-enrol-step-app = Instale una aplicación de autenticación en su teléfono (por ejemplo FreeOTP, Aegis, Google Authenticator o Microsoft Authenticator).
second-factor-enrol-step-scan = Escanee este código con la aplicación.
second-factor-enrol-secret = O escriba esta clave en la aplicación:
second-factor-enrol-step-code = Escriba el código de seis dígitos que muestra ahora la aplicación.
second-factor-enrol-submit = Activar el segundo factor
field-second-factor-code = Código
second-factor-wrong-code = Ese código no es correcto, o ya se usó. Espere al siguiente código e inténtelo de nuevo.
second-factor-already-enrolled = Esta cuenta ya tiene configurado un segundo factor.
second-factor-not-enrolled = Esta cuenta todavía no tiene configurado ningún segundo factor.
second-factor-recovery-title = Sus códigos de recuperación
second-factor-recovery-once = Anote estos códigos o imprímalos ahora y guárdelos en un lugar seguro: solo se muestran esta vez.
second-factor-recovery-hint = Cada código le permite iniciar sesión una vez cuando no tiene su teléfono. Si crea códigos nuevos, estos dejan de funcionar.
second-factor-recovery-continue = Ya los he guardado — continuar
second-factor-recovery-gone = Estos códigos de recuperación se mostraron una vez y no se vuelven a mostrar. Si no los guardó, cree otros nuevos en su página del segundo factor: los nuevos sustituyen a los anteriores.
second-factor-recovery-continue-gone = Continuar
second-factor-account-title = Segundo factor
second-factor-account-link = Configurar o gestionar su segundo factor
second-factor-account-intro = Con un segundo factor, para iniciar sesión hacen falta su contraseña y un código de una aplicación de su teléfono.
second-factor-account-enrolled = Hay un segundo factor configurado: al iniciar sesión se le pide un código de su aplicación.
second-factor-recovery-left = Códigos de recuperación sin usar: { $count }
second-factor-regenerate = Crear códigos de recuperación nuevos
second-factor-account-reset-hint = ¿Ha perdido su teléfono? Pida a un administrador que restablezca su segundo factor; configurará uno nuevo la próxima vez que inicie sesión.
second-factor-policy-everyone = Obligatorio para todos
second-factor-policy-admins-and-lawyers = Obligatorio para administradores y abogados
second-factor-policy-optional = Opcional
settings-second-factor-policy = Segundo factor al iniciar sesión
settings-second-factor-policy-hint = El personal que debe tener un segundo factor y no lo tiene lo configurará la próxima vez que inicie sesión.
validation-second-factor-policy = Elija una de las políticas de segundo factor.
staff-reset-second-factor = Restablecer el segundo factor
api-otp-required = Esta cuenta tiene un segundo factor: envíe el código actual de la aplicación como "otp".
audit-action-second-factor-enrolled = Segundo factor configurado
audit-action-second-factor-failed = Código de segundo factor incorrecto
audit-action-second-factor-reset = Segundo factor restablecido
audit-action-second-factor-throttled = Segundo paso rechazado: demasiados intentos
audit-action-second-factor-recovery-code-used = Código de recuperación usado
audit-action-second-factor-recovery-codes-regenerated = Códigos de recuperación nuevos creados
audit-reason-wrong-code = código incorrecto
audit-reason-code-reused = código ya usado
audit-reason-wrong-recovery-code = código de recuperación incorrecto
audit-reason-no-code = sin código
audit-field-recovery-codes = Códigos de recuperación restantes

## Conservación (issue 14)
settings-retention-years = Eliminar los expedientes de los clientes cerrados después de este número de años
settings-retention-years-hint = Déjelo vacío para conservar todos los expedientes. Si se indica, el expediente de un caso queda pendiente de eliminación cuando han pasado ese número de años completos desde que el caso se cerró, se retiró o no se aceptó; cada semana se envía la lista a los administradores y no se elimina nada hasta que uno de ellos la confirme.
validation-retention-years = Escriba un número entero de años de 1 a { $max }, o deje el campo vacío para conservar todos los expedientes.
retention-title = Expedientes pendientes de eliminación
retention-off = La oficina conserva todos los expedientes de sus clientes: no hay un periodo de conservación.
retention-rule = Los expedientes quedan pendientes de eliminación { $years ->
    [one] un año
   *[other] { $years } años
} después de que su caso se cierre, se retire o no se acepte.
retention-none-due = Ningún expediente está pendiente de eliminación.
retention-intro = Estos casos se cerraron hace más tiempo del que la oficina conserva los expedientes. Eliminar un expediente borra para siempre al cliente, la familia, el viaje, la entrada y el historial de persecución, y el caso con su historial, notas y correo; el registro de auditoría conserva una entrada con la referencia.
retention-col-delete = Eliminar
retention-col-reference = Referencia
retention-col-stage = Etapa
retention-col-closed = Cerrado el
retention-confirm-hint = Desmarque un expediente para conservarlo por ahora. Un caso reabierto después de mostrarse esta página no se elimina.
retention-confirm = Eliminar para siempre los expedientes marcados
retention-purged = { $count ->
    [one] Se eliminó un expediente.
   *[other] Se eliminaron { $count } expedientes.
}
retention-none-selected = No se eliminó ningún expediente.
retention-bad-case = La lista enviada no es una que genere esta página. Abra la página de nuevo.
email-subject-retention = Refuge: { $count ->
    [one] el expediente de un cliente está pendiente
   *[other] los expedientes de { $count } clientes están pendientes
} de eliminación
email-retention-headline = { $count ->
    [one] Un caso se cerró
   *[other] { $count } casos se cerraron
} hace más de { $years ->
    [one] un año
   *[other] { $years } años
}. No se elimina nada hasta que un administrador confirme la lista:
email-retention-line = { $reference }, cerrado el { $closed }
email-retention-link = Revisar y confirmar la lista

## Issue 15: el formulario público de consulta (configuración) y el triaje
nav-triage = Triaje
language-uk = Українська
language-es = Español
settings-inquiry-form = Formulario público de consulta
settings-inquiry-form-hint = Así cualquier persona puede pedir ayuda a la oficina en esta dirección, en inglés, ruso, ucraniano o español, sin iniciar sesión; los abogados y administradores atienden las respuestas en la página de triaje.
settings-office-name = Nombre de la oficina
settings-office-name-hint = Se muestra en la parte superior del formulario público de consulta y al final de los correos que envía.
audit-action-inquiry-taken = Consulta aceptada
audit-action-inquiry-merged = Consulta unida a un caso
audit-action-inquiry-declined = Consulta no aceptada
audit-action-triage-viewed = Cola de triaje vista
audit-field-source = Origen
audit-source-web-form = El formulario público de consulta
audit-field-merged-into = Unida a
audit-field-reply-sent = Respuesta enviada
triage-title = Triaje: consultas nuevas
triage-waiting = { $count ->
    [one] Hay una consulta en espera; las más urgentes van primero.
   *[other] Hay { $count } consultas en espera; las más urgentes van primero.
}
triage-empty = No hay ninguna consulta en espera.
triage-not-urgent = No es urgente.
triage-reason-one-year-passed = El plazo de un año para presentar venció el { $date }
triage-reason-one-year-soon = El plazo de un año para presentar vence el { $date }, { $days ->
    [one] dentro de { $days } día
   *[other] dentro de { $days } días
}
triage-reason-one-year-today = El plazo de un año para presentar vence hoy, { $date }
triage-reason-hearing-today = Audiencia en la corte hoy, { $date }
triage-reason-hearing-past = La audiencia en la corte fue el { $date } ({ $days ->
    [one] hace { $days } día
   *[other] hace { $days } días
})
triage-reason-detained = Detenido/a
triage-reason-hearing-soon = Audiencia en la corte el { $date } ({ $days ->
    [one] dentro de { $days } día
   *[other] dentro de { $days } días
})
triage-received = Recibida
triage-duplicates = Posibles duplicados
triage-possibly-same = Posiblemente la misma persona que { $reference }
triage-this-inquiry = Esta consulta
triage-also-inquiry = también una consulta
triage-take-lawyer = Abogado/a de registro
triage-take = Aceptar (pasa a la verificación de conflictos)
triage-merge-into = Caso al que pertenece
triage-merge = Unir a ese caso
triage-decline-reason = Motivo para no aceptarla
triage-decline-reply = Enviar una respuesta breve y amable en su idioma a su dirección de correo segura
triage-decline = No aceptar
triage-done-taken = { $reference } se aceptó y está en la verificación de conflictos.
triage-done-merged = { $reference } se unió al otro caso; sus respuestas son una nota en ese caso.
triage-done-declined = { $reference } no se aceptó.
triage-already-decided = Esta consulta ya se aceptó, se unió a un caso o no se aceptó.
triage-merge-unknown = Ningún otro caso tiene esta referencia.
triage-merge-not-open = Este caso está rechazado, retirado o cerrado: vuelva a abrirlo primero o acepte la consulta como un caso nuevo.
triage-merge-note-title = Respuestas de la consulta web { $reference }, unida a este caso:
triage-taken-note-title = Respuestas de la consulta web { $reference }, aceptada como este caso:
triage-merged-stage-note = Unida a { $reference }
report-web-inquiries = Consultas web
report-web-inquiries-received = { $count ->
    [one] Llegó una consulta por el formulario público.
   *[other] Llegaron { $count } consultas por el formulario público.
}
report-web-inquiries-median = Tiempo mediano hasta la primera acción: { $minutes } minutos.
report-web-inquiries-none-acted = Todavía no se ha actuado sobre ninguna.
