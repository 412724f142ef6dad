# Refuge — русский каталог. Каждый ключ должен быть и в en/main.ftl (проверяется тестом).

## Навигация и общие слова
nav-skip = Перейти к содержимому
nav-menu = Меню
nav-label = Главное меню
nav-home = Главная
nav-new-intake = Новая анкета
nav-settings = Настройки офиса
nav-staff = Сотрудники
nav-audit = Журнал аудита
nav-account = Мой профиль
nav-logout = Выйти
save = Сохранить
form-errors-title = Исправьте, пожалуйста, следующее
form-expired = Эта форма устарела или была отправлена не с этого сайта, поэтому ничего не отправлено. Проверьте заполненное и отправьте форму ещё раз.
form-expired-password = Эта форма устарела или была отправлена не с этого сайта, поэтому ничего не сохранено. Введите пароль снова и отправьте форму ещё раз.
pagination-label = Страницы
pagination-previous = Назад
pagination-next = Вперёд
pagination-page = Страница

## Поля
field-email = Эл. почта
field-password = Пароль
field-new-password = Новый пароль
field-password-confirm = Повторите пароль
field-current-password = Текущий пароль
field-initial-password = Пароль (необязательно)
field-display-name = Имя
field-language = Язык
field-role = Роль
field-status = Статус
field-created = Создан
password-hint = Не менее 12 символов. Удобно взять короткую запоминающуюся фразу; распространённые пароли не принимаются.

## Роли и языки
role-admin = Администратор
role-lawyer = Юрист
role-paralegal = Помощник юриста
language-en = English
language-ru = Русский

## Вход
login-title = Вход
login-submit = Войти
login-invalid-credentials = Неверная эл. почта или пароль.
login-form-expired = Эта форма входа устарела или была отправлена не с этого сайта, поэтому ничего не отправлено. Введите пароль и войдите снова.
login-no-account-yet = Учётных записей сотрудников пока нет. При запуске Refuge напечатал ссылку для создания первого администратора — в терминале или в журнале сервера, где он работает («Create the first admin account here»); откройте эту ссылку. После перезапуска Refuge напечатает новую.
login-signed-out = Вы вышли из системы.

## Первоначальная настройка
setup-title = Настройка Refuge
setup-intro = Учётных записей сотрудников ещё нет. Создайте первую учётную запись администратора — затем она сможет добавить остальных сотрудников.
setup-submit = Создать учётную запись администратора

## Приглашения и сброс пароля
invitation-title = Выберите пароль
invitation-intro = Здравствуйте, { $name }. Выберите пароль, чтобы завершить настройку учётной записи.
invitation-submit = Сохранить пароль и войти

## Главная
home-title = Главная
home-greeting = Здравствуйте, { $name }
home-cases-title = Мои дела
home-cases-empty = Приём дел появится в следующей версии; здесь будет список ваших дел.
home-admin-title = Администрирование офиса

## Свой профиль
account-title = Мой профиль
account-language-title = Язык
account-language-saved = Язык сохранён.
account-password-title = Смена пароля
account-password-hint = После смены пароля все другие сеансы завершаются, а API-токены отзываются.
account-password-submit = Сменить пароль
account-password-saved = Пароль изменён. Другие сеансы завершены.

## Сотрудники
staff-title = Сотрудники
staff-add = Добавить сотрудника
staff-active = Активен
staff-inactive = Отключён
staff-invited = Приглашён, ещё не принял приглашение
staff-invitation-expired = Срок приглашения истёк: сбросьте пароль, чтобы отправить новую ссылку
staff-reset-pending = Пароль сброшен, новый ещё не задан
staff-reset-expired = Срок ссылки для сброса пароля истёк: сбросьте пароль ещё раз
staff-created = Учётная запись создана.
staff-saved = Сохранено.
staff-change-role = Роль
staff-access = Доступ
staff-access-hint = Отключение или сброс пароля сразу завершает сеансы сотрудника и отзывает его API-токены.
staff-deactivate = Отключить
staff-reactivate = Включить снова
staff-reset-password = Сбросить пароль
staff-password-reset-done = Пароль сброшен. Передайте сотруднику ссылку ниже, чтобы он выбрал новый.
staff-password-reset-link-gone = Пароль сброшен. Ссылка была показана один раз и больше не показывается: для новой ссылки сбросьте пароль ещё раз.
staff-link-intro = Передайте эту одноразовую ссылку лично или по надёжному каналу. Больше она показана не будет.
staff-link-label = Ссылка
staff-password-or-invite = Оставьте пустым, чтобы получить ссылку-приглашение, по которой сотрудник сам выберет пароль.
staff-last-admin = В офисе должен остаться хотя бы один активный администратор.
staff-audit-link = Действия сотрудника в журнале аудита

## Журнал аудита
audit-title = Журнал аудита
audit-filter-staff = Сотрудник
audit-filter-anyone = Любой
audit-filter-action = Действие
audit-filter-any-action = Любое действие
audit-filter-from = С
audit-filter-until = По
audit-filter-security = Только события безопасности
audit-filter-apply = Показать
audit-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
}
audit-when = Когда
audit-who = Кто
audit-action = Действие
audit-target = Запись
audit-address = Адрес
audit-details = Подробности

## Проверка ввода
validation-required = Обязательное поле.
validation-too-long = Не более { $max } символов.
validation-control-characters = Управляющие символы недопустимы.
validation-email = Введите адрес эл. почты, например name@example.org.
validation-email-taken = Сотрудник с такой эл. почтой уже есть.
validation-role = Выберите администратора, юриста или помощника юриста.
validation-language = Выберите английский, русский, украинский или испанский.
validation-password-short = Пароль должен содержать не менее { $min } символов.
validation-password-common = Этот пароль слишком распространён — его пробуют первым. Выберите другой.
validation-password-mismatch = Пароли не совпадают.
validation-current-password = Текущий пароль введён неверно.
validation-date = Введите дату в формате ГГГГ-ММ-ДД.
validation-staff = Выберите сотрудника из списка.

## Ошибки
error-status = Ошибка { $status }
error-back-home = На главную
error-unauthorized-title = Требуется вход
error-unauthorized = Войдите в систему или передайте действующий токен.
error-forbidden-title = Нет доступа
error-forbidden = Ваша роль не позволяет это сделать.
error-csrf = Форма устарела или отправлена не из Refuge. Вернитесь, обновите страницу и попробуйте снова.
error-not-found-title = Не найдено
error-not-found = Такой страницы нет, или ссылка больше не действует.
error-method-not-allowed-title = Метод не поддерживается
error-method-not-allowed = Этот адрес не принимает такой запрос.
error-payload-too-large-title = Запрос слишком велик
error-unsupported-media-type-title = Неподдерживаемый тип содержимого
error-bad-request-title = Некорректный запрос
error-bad-request = Запрос не удалось разобрать.
error-validation-title = Некорректные данные
error-validation = Некоторые поля заполнены неверно.
error-conflict-title = Конфликт
error-conflict-duplicate = Такая запись уже существует.
error-too-many-title = Слишком много попыток
error-too-many = Слишком много неудачных попыток. Повторите через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
}.
error-payload-too-large = Тело запроса слишком велико.
error-unsupported-media-type = Передайте тело запроса как application/json.
error-body-unreadable = Не удалось прочитать тело запроса.
error-json-invalid = Некорректный JSON: { $reason }
error-form-invalid = Не удалось прочитать данные формы.
error-query-invalid = Некорректная строка запроса: { $reason }
error-unavailable-title = Временно недоступно
error-unavailable = Refuge сейчас не может связаться с базой данных. Повторите через минуту.
error-internal-title = Что-то пошло не так
error-internal = Произошла непредвиденная ошибка. Ничего не изменено. Если это повторится, сообщите администратору.
api-not-a-token = Запрос выполнен не с токеном доступа.

## Claims and case stages
claim-kind-affirmative = Аффирмативное (USCIS)
claim-kind-defensive = Защитное (иммиграционный суд)
claim-kind-credible-fear = Обоснованный страх (граница)
claim-kind-invalid = Выберите: аффирмативное, защитное или обоснованный страх.
case-stage-inquiry = Обращение
case-stage-conflict-check = Проверка конфликта интересов
case-stage-consultation = Консультация
case-stage-retained = Договор заключён
case-stage-declined = Отказ в представительстве
case-stage-credible-fear-pending = Ожидается интервью на обоснованный страх
case-stage-credible-fear-positive = Обоснованный страх признан
case-stage-credible-fear-negative = Обоснованный страх не признан
case-stage-ij-review = Пересмотр иммиграционным судьёй
case-stage-drafting = Подготовка I-589
case-stage-filed = Подано в USCIS
case-stage-receipt-received = Получено уведомление о приёме
case-stage-biometrics-scheduled = Назначена биометрия
case-stage-interview-scheduled = Назначено интервью
case-stage-interviewed = Интервью пройдено
case-stage-referred-to-court = Передано в иммиграционный суд
case-stage-nta-served = Вручено уведомление о явке в суд (NTA)
case-stage-master-hearing = Предварительное слушание (master)
case-stage-application-lodged = I-589 подано в суд
case-stage-merits-hearing = Слушание по существу
case-stage-granted = Убежище предоставлено
case-stage-denied = В убежище отказано
case-stage-bia-appeal = Апелляция в BIA
case-stage-withdrawn = Отозвано
case-stage-closed = Закрыто
case-stage-invalid = Выберите этап из списка.
case-stage-unchanged = Дело уже на этапе «{ $stage }».
case-stage-wrong-kind = «{ $stage }» — не этап { $kind ->
        [affirmative] аффирмативного
        [defensive] защитного
       *[other] пограничного (обоснованный страх)
    } дела, поэтому его нельзя перевести из «{ $from }» в «{ $to }».
case-stage-transition-not-allowed = { $kind ->
        [affirmative] Аффирмативное
        [defensive] Защитное
       *[other] Пограничное (обоснованный страх)
    } дело нельзя перевести из «{ $from }» в «{ $to }».
case-stage-reopen-required = Дело на этапе «{ $from }». Чтобы перевести его в «{ $to }», сначала откройте его заново.
case-stage-reopen-not-closed = Заново открыть можно только отклонённое, отозванное или закрытое дело; это дело на этапе «{ $from }».
case-stage-reopen-not-allowed = Дело на этапе «{ $from }» нельзя открыть заново на этапе «{ $to }».

## Deadlines
deadline-one-year-filing = Срок подачи I-589 (год после въезда)
deadline-ead-may-file = Можно подавать на разрешение на работу (I-765)
deadline-ead-may-be-granted = Разрешение на работу может быть выдано
deadline-bia-appeal = Срок апелляции в BIA
deadline-parole-expiry = Окончание пароля (parole)
deadline-re-parole-window = Подать на повторный пароль (re-parole)
deadline-child-ages-out = Ребёнку исполняется 21 год
deadline-i730 = Срок подачи I-730 для родственников за границей
deadline-hearing = Судебное слушание
deadline-interview = Интервью по убежищу
deadline-biometrics = Сдача биометрии
filing-exception-changed-circumstances = Изменившиеся обстоятельства
filing-exception-extraordinary-circumstances = Чрезвычайные обстоятельства

## US federal holidays
holiday-new-years-day = Новый год
holiday-martin-luther-king-jr-day = День Мартина Лютера Кинга
holiday-washingtons-birthday = День рождения Вашингтона (День президентов)
holiday-memorial-day = День памяти
holiday-juneteenth = Джунтинс (День освобождения)
holiday-independence-day = День независимости
holiday-labor-day = День труда
holiday-columbus-day = День Колумба
holiday-veterans-day = День ветеранов
holiday-thanksgiving-day = День благодарения
holiday-christmas-day = Рождество

## Словари дела
validation-a-number = Введите A-номер как в уведомлениях USCIS, например A-012-345-678: буква A и 8 или 9 цифр.
validation-a-number-length = В A-номере 8 или 9 цифр, а здесь { $digits }.
validation-a-number-zero = A-номер не может состоять из одних нулей.
validation-country = «{ $code }» — не код страны; используйте две буквы, например RU, UA, BY.
validation-language-code = «{ $code }» — не код языка; используйте две буквы, например ru, uk, en.
validation-choice = Выберите один из вариантов.
sex-female = Женский
sex-male = Мужской
sex-x = Не указан (X)
entry-port_parole = Через пункт въезда, пароль (parole)
entry-cbp_one = Запись через CBP One
entry-without_inspection = Въезд без досмотра
entry-uniting_for_ukraine = Программа Uniting for Ukraine
entry-visa = По визе
entry-other = Другое
travel-air = Самолёт
travel-land = По суше
travel-car = Автомобиль
travel-bus = Автобус
travel-on_foot = Пешком
travel-sea = Морем
relationship-spouse = Супруг(а)
relationship-child = Ребёнок
relationship-parent = Родитель
relationship-sibling = Брат или сестра
relationship-fiance = Жених / невеста
relationship-other = Другое
marital-single = Не в браке
marital-married = В браке
marital-divorced = В разводе
marital-widowed = Вдовец / вдова
persecutor-police = Полиция
persecutor-security_service = Спецслужба
persecutor-military = Военные
persecutor-non_state_actor = Негосударственные лица
persecutor-other = Другое
status-paroled = Пароль (parole)
status-in_proceedings = В судебном производстве
status-detained = Под стражей
status-asylee = Получил(а) убежище
status-tps = TPS
status-lpr = Постоянный житель (грин-карта)
status-no_status = Без статуса
status-other = Другое
checklist-missing = Нет
checklist-requested = Запрошен
checklist-received = Получен
checklist-translated = Переведён
checklist-filed = Подан
event-master_hearing = Предварительное слушание
event-merits_hearing = Слушание по существу
event-interview = Интервью по убежищу
event-biometrics = Биометрия
validation-name-or-none = Укажите имя как в паспорте или NONE, если в паспорте его нет.
validation-too-many-rows = Не более { $max } строк в разделе.
validation-arrival-before-departure = Прибытие раньше отправления.
validation-number = Введите целое число.
validation-date-too-early = Введите дату не ранее 1900 года.
validation-date-future = Эта дата в будущем.
validation-lawyer = Выберите действующего юриста.
validation-paralegal = Выберите действующего помощника юриста.
case-kind-required = Сначала укажите в анкете вид дела.
case-conflict-unresolved = Перед консультацией отметьте, что проверка конфликта интересов пройдена.

## --- intake form ---
intake-title-new = Новый приём
intake-title-edit = Приём { $reference }
intake-intro = Черновик можно сохранить в любой момент и закончить позже.
intake-audit-promise = Журнал аудита отмечает, кто и когда изменил эту форму. Значения он сохраняет только для вида заявления, юриста и помощника, потребности в переводчике, отметок «можно связываться» и того, кто включён в заявление как член семьи; об остальных полях он отмечает лишь, что они изменились.
intake-needed-legend = Поля со звёздочкой * нужны для завершения приёма; в черновике их можно оставить пустыми.
intake-status-draft = Этот приём — черновик.
intake-status-complete = Этот приём завершён: после изменений он должен остаться полным.
intake-back-to-case = Вернуться к делу
intake-needed = (нужно для завершения)
intake-not-recorded = — не указано —
intake-staff-unavailable = { $name } (больше недоступен)
intake-draft-needs-name = Прежде чем сохранить, введите хотя бы одно имя клиента (фамилию, имя или имя на родном языке).
intake-save-draft = Сохранить черновик
intake-complete = Завершить приём
intake-save = Сохранить изменения
intake-save-hint = В черновике может чего-то не хватать. При завершении проверяется, что всё необходимое заполнено.
intake-save-complete-hint = При сохранении проверяется, что всё необходимое для завершённого приёма по-прежнему заполнено.
intake-section-client = Клиент
intake-section-contact = Связь
intake-section-entry = Въезд в США
intake-section-family = Члены семьи
intake-section-journey = Маршрут
intake-section-persecution = Преследование и задержания
intake-section-claim = Дело
intake-name-hint = Как в паспорте, буква в букву.
intake-middle-name-hint = Как в паспорте; если отчества (второго имени) в нём нет, напишите NONE (в I-589 пустых полей не бывает).
intake-client-family-name = Фамилия
intake-client-given-name = Имя
intake-client-middle-name = Второе имя (отчество)
intake-client-native-name = Имя на родном языке
intake-client-native-name-hint = Например, кириллицей: Евгений Щербаков.
intake-client-other-names = Другие имена и написания
intake-client-other-names-hint = По одному в строке: другие латинские написания, прежние имена, псевдонимы.
intake-client-date-of-birth = Дата рождения
intake-client-sex = Пол (как в паспорте)
intake-client-country-of-birth = Страна рождения
intake-client-nationalities = Гражданство
intake-client-nationalities-hint = По одной стране в поле. После сохранения появится ещё одно пустое поле.
intake-client-languages = Языки
intake-client-languages-hint = По одному языку в поле. После сохранения появится ещё одно пустое поле.
intake-client-interpreter = Нужен переводчик
intake-client-a-number = A-номер
intake-client-a-number-hint = Как в документах USCIS или суда, например A-012-345-678. Оставьте пустым, если номера ещё нет.
intake-client-passports = Номер(а) паспорта
intake-client-passport-expiry = Паспорт действителен до
intake-client-immigration-status = Иммиграционный статус
intake-contact-warning = За домом клиента или за родственниками на родине могут следить. Отмечайте «безопасно» только для канала, который, по словам клиента, никто другой не читает и не отвечает на него.
intake-client-phone = Телефон
intake-client-phone-safe = Безопасно звонить и писать SMS
intake-client-email = Электронная почта
intake-client-email-safe = Безопасно писать на почту
intake-client-messenger = Мессенджер (приложение и аккаунт)
intake-client-messenger-safe = Безопасно писать в мессенджер
intake-client-us-address = Адрес в США
intake-client-address-safe = Безопасно отправлять письма
intake-entry-last-arrival = Дата последнего въезда в США
intake-entry-last-arrival-hint = От этой даты отсчитывается годичный срок подачи на убежище: последний въезд, а не первый.
intake-entry-port = Пункт въезда
intake-entry-port-hint = Например, Сан-Исидро (San Ysidro).
intake-entry-manner = Способ въезда
intake-entry-i94 = Номер I-94
intake-entry-class = Категория допуска
intake-entry-class-hint = Как в I-94, например DT при пароле (parole).
intake-entry-parole-expires = Пароль (parole) действует до
intake-family-intro = Укажите всех супругов и детей, даже тех, кто за границей. Дополнительными заявителями могут быть только супруг(а) и не состоящие в браке дети до 21 года, находящиеся в США.
intake-family-member = Член семьи { $number }
intake-family-relationship = Кем приходится
intake-family-family-name = Фамилия
intake-family-given-name = Имя
intake-family-native-name = Имя на родном языке
intake-family-date-of-birth = Дата рождения
intake-family-marital-status = Семейное положение
intake-family-in-us = В США
intake-family-derivative = Включить в I-589 как дополнительного заявителя
intake-family-safe = Безопасно связываться
intake-family-notes = Заметки
intake-family-add = Добавить члена семьи
intake-family-remove = Удалить члена семьи { $number }
intake-family-none = Члены семьи не указаны.
intake-journey-intro = Один участок на каждую поездку, по порядку, от родной страны до США.
intake-journey-leg = Участок { $number }
intake-journey-from-country = Откуда (страна)
intake-journey-from-city = Откуда (город)
intake-journey-to-country = Куда (страна)
intake-journey-to-city = Куда (город)
intake-journey-departed = Дата отправления
intake-journey-arrived = Дата прибытия
intake-journey-mode = Способ передвижения
intake-journey-notes = Перевозчик, рейс или заметки
intake-journey-add = Добавить участок
intake-journey-up = Поднять участок { $number } выше
intake-journey-remove = Удалить участок { $number }
intake-journey-none = Маршрут не указан.
intake-persecution-intro = Аресты, задержания, обыски, обвинения, избиения, угрозы — по одному событию. Это самая чувствительная часть дела: журнал аудита отмечает, что она изменилась, но не её содержание (ни дат, ни мест, ни того, кто действовал, ни дней под стражей).
intake-persecution-event = Событие { $number }
intake-persecution-date = Дата
intake-persecution-place = Место
intake-persecution-actor = Кто действовал
intake-persecution-detention-days = Дней под стражей
intake-persecution-description = Что произошло
intake-persecution-charges = Обвинения
intake-persecution-outcome = Чем закончилось
intake-persecution-evidence = Какие есть доказательства
intake-persecution-evidence-hint = Например, видео, судебный документ, медицинское заключение.
intake-persecution-add = Добавить событие
intake-persecution-remove = Удалить событие { $number }
intake-persecution-none = События не указаны.
intake-claim-kind = Вид дела
intake-claim-lawyer = Ответственный юрист
intake-claim-paralegal = Помощник юриста

## --- case page ---
case-print-summary = Сводка для печати
case-summary-title = Сводка по клиенту
case-summary-print-hint = Распечатайте страницу из браузера (Ctrl+P): меню и ссылки на бумагу не попадут.
case-reference = Дело
case-saved = Сохранено.
case-edit-intake = Изменить анкету
case-edit = Изменить
case-overview-title = Сводка
case-overview-people = Люди
case-overview-principal = основной заявитель
case-header-stage = Этап
case-header-kind = Заявление
case-header-lawyer = Юрист
case-header-paralegal = Помощник юриста
case-nobody = Не назначен
case-yes = Да
case-no = Нет
case-none-recorded = Ничего не записано.
case-age = { $age ->
    [one] { $age } год
    [few] { $age } года
   *[other] { $age } лет
}
case-one-year-title = Срок подачи в течение года
case-one-year-until-filed = Форму I-589 нужно подать не позднее этого дня. Напоминание исчезнет, когда дата подачи будет записана в ключевых датах.
case-one-year-exception = Записано исключение: { $kind }, разумный срок до { $date }.
case-one-year-no-arrival = Форма I-589 не подана, а дата последнего въезда не записана, поэтому срок подачи вычислить нельзя. Запишите дату въезда в анкете.
case-days-left = { $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[other] осталось { $days } дней
}
case-days-today = срок сегодня
case-days-overdue = { $days ->
    [one] просрочено на { $days } день
    [few] просрочено на { $days } дня
   *[other] просрочено на { $days } дней
}
case-days-ago = { $days ->
    [one] { $days } день назад
    [few] { $days } дня назад
   *[other] { $days } дней назад
}
case-deadlines-title = Сроки
case-deadlines-past = Прошедшие даты
case-next-deadline = Ближайший срок
case-no-deadlines = Сроков пока нет.
case-deadline = Срок
case-due = Дата
case-remaining = Осталось
case-overdue = Просрочено
case-section-client = Клиент
case-client-name = Имя (как в паспорте)
case-client-native-name = Имя на родном языке
case-client-other-names = Другие написания и имена
case-client-dob = Дата рождения
case-client-sex = Пол
case-client-country-of-birth = Страна рождения
case-client-nationalities = Гражданство
case-client-languages = Языки
case-client-interpreter = Переводчик
case-interpreter-needed = Нужен
case-interpreter-not-needed = Не нужен
case-client-a-number = A-номер
case-client-passports = Номера паспортов
case-client-passport-expiry = Паспорт действителен до
case-client-status = Иммиграционный статус
case-contact-title = Связь
case-contact-phone = Телефон
case-contact-email = Электронная почта
case-contact-address = Адрес в США
case-contact-messenger = Мессенджер
case-contact-safe = связываться безопасно
case-contact-not-safe = НЕБЕЗОПАСНО связываться
case-section-family = Семья
case-family-name = Имя
case-family-relationship = Родство
case-family-dob = Дата рождения
case-family-marital = Семейное положение
case-family-in-us = В США
case-family-eligible = Производный заявитель по I-589
case-family-ages-out = Исполнится 21
case-family-contact = Связь
case-family-empty = Члены семьи не записаны.
case-family-eligibility-hint = Производными заявителями могут быть только супруг(а) и не состоящие в браке дети до 21 года, находящиеся в США; всех супругов и детей всё равно нужно указать в I-589.
case-eligible-yes = Может быть
case-eligible-no = Не может быть
case-derivative-requested = включён как производный
case-derivative-not-requested = не включён
case-section-journey = Маршрут
case-journey-empty = Маршрут не записан.
case-journey-departed = Выезд
case-journey-arrived = прибытие
case-section-entry = Въезд
case-entry-last-arrival = Последний въезд в США
case-entry-port = Пункт въезда
case-entry-manner = Способ въезда
case-entry-i94 = Номер I-94
case-entry-class = Категория допуска
case-entry-parole-expires = Пароль истекает
case-section-persecution = Преследования и аресты
case-persecution-empty = События не записаны.
case-persecution-actor = Кто действовал
case-persecution-what = Что произошло
case-persecution-detention = Под стражей
case-persecution-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}
case-persecution-charges = Обвинения
case-persecution-outcome = Итог
case-persecution-evidence = Доказательства
case-section-claim = Заявление
case-claim-conflict = Проверка конфликта интересов
case-conflict-unchecked = Ещё не проверено
case-conflict-clear = Конфликта нет
case-conflict-found = Конфликт: { $reason }
case-conflict-check-link = Проверить конфликт интересов
case-claim-intake = Анкета
case-intake-complete = Заполнена
case-intake-draft = Черновик анкеты
case-claim-opened = Открыто
case-claim-updated = Последнее изменение
case-section-stage = Этап и история
case-move-to = Перевести на этап
case-move-note = Примечание (необязательно)
case-move-submit = Сменить этап
case-move-none = Отсюда нельзя выбрать другой этап.
case-move-closing-hint = Отказ, отзыв, закрытие и возобновление дела — решения юристов и администраторов.
case-history-title = История этапов
case-history-when = Когда
case-history-who = Кто
case-history-change = Изменение
case-history-note = Примечание
case-history-opened = Открыто
case-section-dates = Ключевые даты
case-dates-i589-filed = I-589 подана
case-dates-i589-received = I-589 получена USCIS или принята судом
case-dates-exception = Исключение из годичного срока
case-dates-exception-none = Нет
case-dates-exception-until = Разумный срок подачи истекает
case-dates-exception-lawyer-only = Исключение из годичного срока — решение юриста: записывают его только юристы и администраторы.
case-dates-ij-decision = Решение иммиграционного судьи
case-dates-granted = Убежище предоставлено
case-dates-court-verified = Последняя сверка с судом
case-dates-submit = Сохранить даты
case-section-events = Заседания, интервью и биометрия
case-events-empty = Ничего не назначено.
case-event-when = Когда
case-event-kind = Вид
case-event-date = Дата
case-event-time = Время (необязательно)
case-event-place = Место
case-event-official = Судья или сотрудник
case-event-add-title = Добавить заседание или встречу
case-event-add = Добавить
case-event-remove = Удалить
case-event-outcome = Итог
case-event-outcome-record = Записать
case-event-outcome-correct = Исправить
case-section-ead = Отсчёт для разрешения на работу (EAD)
case-ead-not-started = Отсчёт EAD не начался: запишите в ключевых датах день, когда I-589 получена USCIS или принята судом.
case-ead-start = Отсчёт начат
case-ead-days = Дней на счётчике
case-ead-state = Счётчик
case-ead-running = Идёт
case-ead-stopped = Остановлен
case-ead-stops = Остановки
case-ead-stopped-on = Остановлен
case-ead-restarted-on = Возобновлён
case-ead-still-stopped = не возобновлён
case-ead-reason = Причина (задержка по вине заявителя)
case-ead-on = Дата
case-ead-stop = Остановить отсчёт
case-ead-restart = Возобновить отсчёт
case-ead-already-stopped = Отсчёт уже остановлен; возобновите его, прежде чем записывать новую остановку.
case-ead-not-stopped = Отсчёт идёт; возобновлять нечего.
case-section-checklist = Список документов
case-checklist-empty = Документов в списке пока нет.
case-checklist-item = Документ
case-checklist-status = Состояние
case-checklist-note = Примечание
case-checklist-updated = Изменено
case-checklist-save = Сохранить
case-checklist-add-title = Добавить документ
case-checklist-add = Добавить
case-section-notes = Заметки
case-note-body = Новая заметка
case-note-add = Добавить заметку
case-notes-empty = Заметок пока нет.
case-section-audit = Журнал дела
case-audit-hint = Каждый просмотр и каждое изменение этого дела, сначала новые (последние 20).
case-purge-title = Удалить дело клиента
case-purge-hint = Только по правилам хранения данных. Клиент, семья, маршрут, въезд, история преследований, дело с историей, датами, документами и заметками удаляются безвозвратно; в журнале аудита остаётся запись с номером дела. Чтобы завершить работу по делу, закройте или отзовите его.
case-purge-confirm = Введите номер дела { $reference } для подтверждения
case-purge-submit = Удалить безвозвратно
validation-time = Введите время в виде ЧЧ:ММ.
validation-received-before-filed = I-589 не может быть получена раньше, чем подана.
validation-ead-stop-before-start = Отсчёт не может остановиться раньше, чем начался.
validation-ead-restart-before-stop = Отсчёт не может возобновиться раньше, чем остановился.
validation-purge-confirm = Для подтверждения введите номер дела точно как показано.
validation-event-not-happened = Заседание или встреча ещё не состоялись; запишите итог, когда они пройдут.
settings-title = Настройки офиса
settings-paralegals-see-all = Помощники юристов видят все дела
settings-paralegals-see-all-hint = Если включено, помощники юристов могут открывать и читать все дела, а не только назначенные им. Изменять они по-прежнему могут только назначенные им дела.
settings-saved = Настройки сохранены.

## --- search, conflict check and case list ---
nav-cases = Дела
search-title = Поиск
search-label = Имя, A-номер или номер дела
search-placeholder = Имя, A-номер, номер дела
search-hint = Имена находятся кириллицей и латиницей в любом обычном написании (Юлия, Yulia, Iuliia, Julia); для начала имени достаточно двух букв. A-номер — с дефисами или без; номер дела — R-2026-00042 или 2026-00042.
search-expired = Этот поиск больше не хранится (поиски хранятся час и не переживают перезапуск). Повторите поиск.
search-submit = Найти
search-too-short = Введите хотя бы две буквы имени, A-номер или номер дела.
search-count = { $count ->
    [one] { $count } совпадение
    [few] { $count } совпадения
    [many] { $count } совпадений
   *[other] { $count } совпадения
}
search-more = Показаны только { $count } лучших, совпадений больше: добавьте слово или ищите по A-номеру или номеру дела.
search-name = Имя
search-person = Кто
search-case = Дело
search-stage = Этап
search-date-of-birth = Дата рождения
search-match = Совпадение
search-of-client = клиента { $name }
search-person-client = Клиент
search-match-reference = Номер дела
search-match-a-number = A-номер
search-match-exact = То же написание
search-match-transliteration = Другое написание того же имени
search-match-equivalent = То же имя на другом языке
search-match-similar = Похожее написание
search-match-prefix = Начинается с введённого
search-match-most-words = Совпадают все слова, кроме одного
conflict-title = Проверка конфликта интересов
conflict-intro = Все люди из других дел офиса, чьё имя совпадает с именем клиента или члена его семьи в любой письменности и любом написании. Родившиеся в тот же день показаны первыми и отмечены.
conflict-status = Проверка конфликта
conflict-status-unchecked = Ещё не записана
conflict-status-clear = Конфликта нет
conflict-status-conflict = Конфликт
conflict-checked-by = Записал(а)
conflict-count = { $count ->
    [one] { $count } возможное совпадение
    [few] { $count } возможных совпадения
    [many] { $count } возможных совпадений
   *[other] { $count } возможного совпадения
}
conflict-none = В других делах совпадающих имён нет.
conflict-same-date-of-birth = та же дата рождения
conflict-more = Совпадающих имён больше, чем показано.
conflict-record-title = Записать результат
conflict-outcome = Результат
conflict-outcome-clear = Конфликта нет
conflict-outcome-conflict = Конфликт
conflict-reason = Причина (обязательна при конфликте)
conflict-record-submit = Записать результат
conflict-next-consultation = Конфликта интересов нет: дело можно передать на консультацию.
conflict-move-to-consultation = Передать на консультацию
conflict-recorded = Результат проверки конфликта записан.
case-list-title = Дела
case-list-count = { $count ->
    [one] { $count } дело
    [few] { $count } дела
    [many] { $count } дел
   *[other] { $count } дела
}
case-list-empty = Дел пока нет.
case-list-all-filters = Все дела, с фильтрами
case-list-reference = Номер
case-list-client = Клиент
case-list-kind = Вид дела
case-list-lawyer = Юрист
case-list-paralegal = Помощник юриста
case-list-next-deadline = Ближайший срок
case-list-deadline = Срок
case-list-updated = Изменено
case-list-due-today = срок сегодня
case-list-days-left = { $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
    [many] осталось { $days } дней
   *[other] осталось { $days } дня
}
case-list-scope = Показать
case-list-scope-mine = Мои дела
case-list-scope-all = Все дела
case-list-any = Любой
case-list-anyone = Любой сотрудник
case-list-nationality = Гражданство
case-list-port = Пункт въезда
case-list-one-year-within = Годичный срок в ближайшие (дней)
case-list-hearing-within = Слушание в ближайшие (дней)
case-list-not-updated = Открытые дела без изменений 60 дней
case-list-apply = Применить
case-list-reset = Сбросить фильтры
case-list-days-invalid = Введите число дней от 0 до { $max }.

## --- API ---

## --- demo data ---

## --- email notifications ---
email-greeting = Здравствуйте, { $name }.
email-footer = В письмах Refuge только номера дел, даты и ссылки — никаких имён и историй: откройте ссылку, чтобы увидеть дело.
email-preferences = Настроить уведомления
email-role-lawyer = ведущий адвокат
email-role-paralegal = параюрист
email-case-assigned = Вам назначено дело { $reference } ({ $role }).
email-stage-changed = Дело { $reference } переведено с этапа «{ $from }» на этап «{ $to }».
email-reminder = Дело { $reference }: { $deadline } — { $date }, { $days ->
    [0] сегодня
    [one] через { $days } день
    [few] через { $days } дня
   *[other] через { $days } дней
}.
email-court-recheck = Даты слушаний не сверялись с судом больше 7 дней (дел: { $count }):
email-court-recheck-case = { $reference }: слушание { $date }, { $verified }
email-court-verified-on = последняя сверка { $date }
email-court-never-verified = не сверялось ни разу
email-client-initials = Клиент: { $initials }
email-subject-case-assigned = Refuge: вам назначено дело { $reference }
email-subject-stage-changed = Refuge: изменён этап дела { $reference }
email-subject-reminder = Refuge: дело { $reference }, срок { $days ->
    [0] сегодня
    [one] через { $days } день
    [few] через { $days } дня
   *[other] через { $days } дней
}
email-subject-court-recheck = Refuge: сверьте даты слушаний с судом
email-subject-security-alert = Refuge: повторные отказы одной учётной записи
email-security-alert = { $name }: отказов в доступе за последний час — { $count }.
email-security-alert-check = Проверьте события безопасности: опечатка в адресе, роль, которую нужно изменить, или попытка сделать недозволенное.
email-subject-audit-seal = Refuge: печать журнала аудита за { $date }
email-audit-seal = { $date } цепочка журнала аудита заканчивалась записью { $entry }. Её печать:
email-audit-seal-keep = Сохраните это письмо. Команда `refuge audit verify --seal { $seal }` покажет, изменялась ли или удалялась с тех пор какая-либо запись до этой.
email-subject-digest = Refuge: сводка за день (обновлений: { $count })
email-digest-intro = Обновлений с прошлой сводки: { $count }.
account-notifications-title = Уведомления по почте
account-notifications-hint = Выберите, как приходит каждый вид: сразу, одной сводкой в день (в { $time }, { $zone }) или никак. Напоминания о годичном сроке и о сроке апелляции отключить нельзя.
account-notifications-submit = Сохранить настройки уведомлений
account-notifications-saved = Настройки уведомлений сохранены.
notification-kind-case-assigned = Мне назначено дело
notification-kind-stage-changed = Изменён этап дела, где я ведущий адвокат
notification-kind-one-year-reminder = Годичный срок подачи: за 60, 30, 14, 7 и 1 день
notification-kind-hearing-reminder = Слушания, интервью и биометрия: за 14, 7 и 1 день
notification-kind-appeal-reminder = Срок апелляции в BIA: за 14, 7 и 2 дня
notification-kind-parole-reminder = Окончание пароля: за 90 и 60 дней
notification-kind-age-out-reminder = Ребёнку-деривативу исполняется 21 год в ближайшие 120 дней
notification-kind-court-recheck = Еженедельный список дат слушаний для сверки с судом
notification-delivery-immediate = Сразу
notification-delivery-digest = Сводкой за день
notification-delivery-off = Не присылать
notification-cannot-turn-off = отключить нельзя
validation-delivery = Выберите: сразу, сводкой за день или не присылать.
validation-delivery-required = Это напоминание отключить нельзя.
nav-mail = Почта
mail-title = Исходящая почта
mail-intro = Письма, ожидающие отправки, и письма, которые не удалось отправить. Неотправленное письмо повторяется с растущими интервалами { $hours } ч., затем помечается как неотправленное.
mail-pending-count = Ожидают: { $count }
mail-failed-count = Не отправлены: { $count }
mail-none = Ничего не ожидает отправки, ошибок нет.
mail-col-recipient = Получатель
mail-col-subject = Тема
mail-col-status = Состояние
mail-col-attempts = Попытки
mail-col-next = Следующая попытка
mail-col-error = Последняя ошибка
mail-col-created = Создано
mail-status-pending = Ожидает
mail-status-failed = Не отправлено
mail-retry = Отправить снова
mail-retried = Письмо будет отправлено снова в ближайшее время.
home-mail-failed = { $count ->
    [one] { $count } письмо не удалось отправить.
    [few] { $count } письма не удалось отправить.
   *[other] { $count } писем не удалось отправить.
}
home-mail-link = Исходящая почта
home-backup-failed = Ночная резервная копия от { $time } не создана: { $reason }.
home-backup-overdue = Ни одной ночной резервной копии не создано с { $time }.
home-backup-none = Ночные резервные копии включены, но ни одна ещё не создана.
home-backup-hint = Пока копия не создана, у офиса нет свежей резервной копии: проверьте backup.directory и журнал сервера (README, «Backups and restoring»).
settings-email-initials = Добавлять инициалы клиента в письма-уведомления
settings-email-initials-hint = По умолчанию выключено: почта — небезопасный канал. Инициалы помогают адвокату узнать дело; имена, A-номера и гражданство не отправляются никогда.

## --- weekly reports ---
nav-reports = Отчёты
report-title = Недельный отчёт о делах
report-so-far = пока
report-weeks = Недели
report-previous-week = Предыдущая неделя
report-next-week = Следующая неделя
report-at-a-glance = Неделя коротко
report-this-week = Эта неделя
report-last-week = Прошлая неделя
report-attention = Требует внимания
report-waiting-conflict-check = Ждут проверки на конфликт интересов
report-waiting-decision = После консультации, ждут решения: взять или отказать
report-details = Все показатели недели
report-email-last-week = на прошлой неделе: { $count }
report-week = Неделя
report-of = Чьи дела
report-of-office = Всё бюро
report-show = Показать
report-csv-summary = Скачать таблицы (CSV)
report-csv-cases = Скачать дела (CSV)
report-activity = За неделю
report-new-inquiries = Новые обращения
report-intakes = Приёмы (консультации)
report-retained = Договор заключён
report-declined = Отказано
report-closed = Закрыто
report-withdrawn = Отозвано
report-grants = Убежище предоставлено
report-stage-changes = Смены этапов
report-none = Нет.
report-open = Открытые дела на конец недели
report-open-total = Открытые дела
report-chart-stages = Открытые дела по этапам
report-by-stage = По этапу
report-by-kind = По виду заявления
report-by-lawyer = По юристу
report-by-paralegal = По помощнику юриста
report-by-nationality = По гражданству
report-by-port = По пункту въезда
report-not-recorded = Не указано
report-ahead = Сроки, слушания и просроченное
report-due-total = Дела со сроком или слушанием в 30 дней после недели
report-overdue = Просрочено
report-overdue-total = Дела с просрочкой
report-overdue-one-year = Годичный срок прошёл, I-589 не подана
report-overdue-appeal = Срок апелляции в BIA пропущен
report-overdue-hearing-outcome = Слушание прошло, итог не записан
report-stale = Открытые дела без изменений 60 дней
report-unverified = Предстоящие слушания, не сверенные с судом на этой неделе
report-trend = Двенадцать недель
report-chart-trend = Приёмы и предоставления убежища за двенадцать недель
report-week-invalid = Укажите неделю по ISO, например 2026-W47.
report-week-future = Эта неделя ещё не началась.
report-figure-invalid = Неизвестный показатель отчёта.
report-scope-invalid = Выберите всё бюро или юриста.
report-scope-unknown = Такого юриста или помощника нет.
report-table-invalid = Таблица CSV: «summary» или «cases».
report-email-subject-office = Недельный отчёт { $week }: всё бюро
report-email-subject-own = Недельный отчёт { $week }: ваши дела
report-email-intro = Неделя { $week } (с { $from } по { $until }) вкратце. Каждое число ведёт к своим делам.
report-email-open-page = Открыть полный отчёт

## Issue 12 §6 (faults): malformed input, paging, mail leases
error-field-refused = «{ $field }»: { $reason }
mail-send-now = Отправить сейчас
mail-sent-now = Письмо отправлено.
mail-not-sent-now = Письмо не удалось отправить; оно ждёт следующей попытки (см. ошибку).
audit-action-mail-sent-now = Письмо отправлено администратором немедленно

## Issue 12 §3 (demo data): the banner of a demo office (`refuge demo`).
banner-demo-office = Демонстрационный офис: все люди, дела и сообщения здесь вымышлены. Не вводите данные настоящих клиентов.

## Часть audit-trail (задача 12 §4): журнал аудита словами
audit-action-account-notifications-changed = Изменены настройки уведомлений
audit-action-access-denied = В доступе отказано
audit-action-case-list-viewed = Просмотрен список дел
audit-action-search-run = Выполнен поиск
audit-action-security-alert-sent = Администраторы предупреждены о повторных отказах
audit-action-account-updated = Изменена своя учётная запись
audit-action-api-token-created = Выдан токен API
audit-action-api-token-revoked = Отозван токен API
audit-action-case-checklist-item-added = Документ добавлен в перечень
audit-action-case-checklist-item-updated = Документ в перечне изменён
audit-action-case-conflict-checked = Записан итог проверки конфликта интересов
audit-action-case-conflict-searched = Выполнен поиск конфликта интересов
audit-action-case-created = Дело открыто
audit-action-case-dates-changed = Изменены ключевые даты
audit-action-case-ead-clock-restarted = Отсчёт EAD возобновлён
audit-action-case-ead-clock-stopped = Отсчёт EAD остановлен
audit-action-case-event-added = Добавлено заседание или приём
audit-action-case-event-outcome-recorded = Записан итог заседания или приёма
audit-action-case-event-removed = Удалено заседание или приём
audit-action-case-i589-check-overridden = Подано с незаполненными пунктами I-589
audit-action-case-note-added = Добавлена заметка
audit-action-case-purged = Дело клиента удалено (срок хранения)
audit-action-case-stage-changed = Изменён этап
audit-action-case-updated = Изменена анкета
audit-action-case-viewed = Дело открыто для просмотра
audit-action-demo-data-loaded = Загружены демонстрационные данные
audit-action-invitation-accepted = Приглашение принято
audit-action-login-failed = Неудачный вход
audit-action-login-succeeded = Вход выполнен
audit-action-login-throttled = Вход отклонён: слишком много попыток
audit-action-logout = Выход
audit-action-mail-retried = Письмо отправлено повторно
audit-action-office-settings-changed = Изменены настройки офиса
audit-action-password-changed = Пароль изменён
audit-action-report-exported = Отчёт скачан
audit-action-report-viewed = Отчёт просмотрен
audit-action-setup-completed = Создан первый администратор
audit-action-staff-created = Добавлен сотрудник
audit-action-staff-deactivated = Сотрудник отключён
audit-action-staff-password-reset = Пароль сброшен
audit-action-staff-reactivated = Сотрудник снова включён
audit-action-staff-updated = Изменены данные сотрудника
audit-field-stage = Этап
audit-field-reference = Номер дела
audit-field-intake-complete = Анкета заполнена
audit-field-demo-data = Демонстрационные данные
audit-field-with-note = С комментарием
audit-field-i589-missing-count = Незаполненных пунктов
audit-field-i589-missing-items = Незаполненные пункты
audit-field-conflict-outcome = Итог
audit-field-event-kind = Вид
audit-field-on = Дата
audit-field-corrected = Исправлен прежний итог
audit-field-checklist-status = Состояние документа
audit-field-note = Комментарий
audit-field-people-checked = Проверено людей
audit-field-matches = Совпадений имён
audit-field-same-date-of-birth = С той же датой рождения
audit-field-channel = Через
audit-channel-html = веб-страницы
audit-channel-api = API
audit-field-reason = Причина
audit-reason-unknown-account = такой учётной записи нет
audit-reason-no-password = у учётной записи ещё нет пароля
audit-reason-inactive = учётная запись отключена
audit-reason-wrong-password = неверный пароль
audit-field-retry-after = Секунд ожидания
audit-field-route = Запрошенный адрес
audit-field-results = Результатов
audit-field-search = Поиск по
audit-search-names = именам
audit-search-numbers = номеру дела или A-номеру
audit-field-list = Дела
audit-field-refusals = Отказов за час
audit-field-view = Страница
audit-view-audit-trail = Журнал дела
audit-field-export = Скачано
audit-export-cases = Дела, по строке на дело
audit-export-summary = Показатели отчёта
audit-field-rows = Строк
audit-refusal-role = не разрешено для роли
audit-refusal-not-assigned = дело не назначено
audit-refusal-csrf = токен формы отсутствует или неверен
audit-refusal-second-factor = второй фактор отсутствует или неверен
audit-refusal-throttled = слишком много попыток
audit-field-active = Активен
audit-field-invited = Приглашён по почте
audit-field-figure = Показатель
audit-field-figure-group = Группа
audit-field-clients = Клиентов
audit-field-seed = Начальное число
audit-field-today = На дату
audit-changed = изменено
audit-former-staff = бывший сотрудник
audit-case = Дело
audit-case-deleted = { $reference } (удалено)
audit-filter-case = Номер дела
audit-trail-title = Журнал аудита дела { $reference }
audit-trail-back = Назад к делу
audit-trail-all = Весь журнал аудита этого дела
validation-page = Введите номер страницы целым числом.
validation-case-reference = Введите номер дела, например R-2026-00042.
audit-action-demo-data-removed = Демонстрационные данные удалены
audit-field-staff-count = Учётных записей
audit-field-cases = Дел
audit-field-audit-entries = Записей журнала

# --- Issue 12 §2, сроки, которым можно верить: что закрывает каждый срок (docs/deadlines.md)
deadline-green-card-eligible = Можно подавать на грин-карту (I-485)
deadline-child-ages-out-named = { $name }: исполняется 21 год
case-dates-appeal-filed = Апелляция (EOIR-26) подана
case-dates-i765-filed = Заявление на разрешение на работу (I-765) подано
case-dates-re-parole-filed = Запрошен повторный пароль (re-parole)
case-dates-i730-filed = I-730 для родственников за границей подана
case-dates-i485-filed = Заявление на грин-карту (I-485) подано
case-dates-satisfies-hint = Дата подачи закрывает срок, на который она отвечает: апелляция — срок BIA, повторный пароль — даты пароля, I-765 — 150-й день, I-730 и I-485 — свои сроки.
validation-appeal-before-decision = Апелляция не может быть подана раньше решения судьи.
validation-filed-before-grant = Подаётся после предоставления убежища: укажите дату предоставления и дату не раньше неё.

## Issue 12 §1 (saved-forms): ничего набранного не теряется
held-sign-in-again = Сеанс завершился до сохранения формы. Ничего не сохранено, но введённое не потеряно: войдите снова, и оно вернётся в форму.
held-restored = Сеанс завершился, поэтому форма не была сохранена. Введённое возвращено в форму: проверьте и сохраните снова.
session-expiry-warning = Через две минуты сеанс завершится, если вы не продолжите работу. Введённое ещё не сохранено.
session-stay = Не выходить
session-ended-unsaved = Возможно, сеанс завершился. Всё равно нажмите «Сохранить»: ничего введённого не потеряется, а при необходимости система попросит войти снова.
intake-autosaved = Черновик сохранён автоматически.
intake-autosave-problems = Автосохранение не удалось: в форме есть ошибки, они будут показаны при сохранении.

## Мои сеансы, предыдущий вход (issue 13)
api-not-a-session = Запрос сделан не из сеанса браузера.
sessions-title = Мои сеансы
sessions-hint = Все браузеры, в которых выполнен вход в вашу учётную запись. Если какой-то вам незнаком, завершите его и смените пароль.
sessions-device = Браузер и система
sessions-address = Адрес
sessions-signed-in = Вход
sessions-last-seen = Последняя активность
sessions-browser-unknown = Неизвестный браузер
sessions-on-system = на { $system }
sessions-this-one = (этот браузер)
sessions-address-unknown = неизвестен
sessions-end = Завершить
sessions-end-this = Выйти здесь
sessions-end-others = Выйти на всех других устройствах
sessions-end-others-hint = Завершает все другие сеансы и отзывает ваши API-токены; в этом браузере вы останетесь в системе.
account-session-ended = Сеанс завершён.
account-sessions-ended = Все другие сеансы завершены, API-токены отозваны.
home-previous-sign-in = Предыдущий вход: { $time } (адрес: { $address }).
staff-end-sessions = Завершить все сеансы
staff-sessions-ended = Все сеансы и API-токены сотрудника завершены. Учётная запись остаётся активной.
audit-action-session-ended = Сеанс завершён владельцем
audit-action-session-others-ended = Выход на всех других устройствах
audit-action-staff-sessions-ended = Все сеансы завершены администратором
audit-field-current-session = Текущий сеанс
audit-field-sessions-ended = Завершено сеансов
audit-action-account-locked = Учётная запись заблокирована (экстренная блокировка)
audit-action-account-unlocked = Учётная запись разблокирована администратором
audit-action-account-lock-link-requested = Запрошена ссылка для блокировки
audit-reason-locked = учётная запись заблокирована
login-locked = Учётная запись заблокирована (экстренная блокировка). Войти можно будет после того, как администратор её разблокирует.
lock-title = Заблокировать учётную запись
lock-request-intro = Потеряли телефон или ноутбук, или его у вас отобрали? Введите рабочий адрес почты: мы пришлём на него ссылку для блокировки. Откройте её и подтвердите — учётная запись будет сразу заблокирована, пока администратор её не разблокирует.
lock-request-submit = Прислать ссылку для блокировки
lock-request-sent = Если этот адрес принадлежит сотруднику, ссылка для блокировки уже отправлена.
lock-request-link = Запросить новую ссылку для блокировки
lock-confirm-intro = Заблокировать учётную запись сейчас? Все сеансы и API-токены сразу завершатся, и никто не сможет войти, пока администратор её не разблокирует.
lock-confirm-submit = Заблокировать
lock-confirm-expired = Эта страница устарела или была открыта не с этого сайта, поэтому учётная запись ещё не заблокирована. Нажмите кнопку ещё раз, чтобы заблокировать её.
lock-done = Учётная запись заблокирована. Все сеансы завершены, администраторы уведомлены. Попросите одного из них разблокировать её, когда будете в безопасности.
lock-link-unusable = Эта ссылка для блокировки уже использована или устарела.
lock-account-title = Экстренная блокировка
lock-account-hint = Если ваше устройство потеряно или отобрано, ссылка для блокировки заблокирует учётную запись из любого браузера, без входа. Она есть в конце каждого письма от Refuge; здесь можно создать ещё одну и хранить её в надёжном месте (на бумаге или в менеджере паролей на другом устройстве). Ссылка может только заблокировать.
lock-account-link-label = Ваша ссылка для блокировки (показывается один раз)
lock-account-link-submit = Создать ссылку для блокировки
staff-locked-since = Заблокирована с { $time }
staff-unlock = Разблокировать
staff-unlocked = Учётная запись разблокирована. Сотрудник входит со своим паролем.
email-lock-footer = Устройство потеряно или отобрано? Заблокируйте учётную запись Refuge этой ссылкой (она может только заблокировать):
email-subject-lock-link = Ваша ссылка для блокировки
email-lock-link-intro = Для вашей учётной записи Refuge запрошена ссылка для блокировки. Откройте её и подтвердите, чтобы сразу заблокировать учётную запись.
email-lock-link-not-you = Если вы её не запрашивали, не обращайте внимания на это письмо: пока ссылку не открыли и не подтвердили, ничего не происходит.
email-lock-link-label = Заблокировать учётную запись
email-subject-account-locked = Учётная запись сотрудника заблокирована
email-account-locked = Учётная запись { $name } заблокирована ссылкой экстренной блокировки { $time } с адреса { $address }.
email-account-locked-unlock = Разблокируйте её на странице сотрудника после разговора с ним.
login-lock-link = Потеряли устройство? Заблокируйте учётную запись

## Двухфакторный вход (issue 13)
second-factor-login-title = Второй шаг: ваш код
second-factor-login-hint = Откройте приложение-аутентификатор и введите шестизначный код для Refuge. Если телефона нет под рукой, введите один из кодов восстановления.
second-factor-login-submit = Продолжить
second-factor-someone-else = Войти под другой учётной записью
second-factor-required-intro = Ваш офис требует второй фактор для входа. Настройте его сейчас: это займёт минуту.
second-factor-enrol-step-app = Установите на телефон приложение-аутентификатор (например, FreeOTP, Aegis, Google Authenticator или Microsoft Authenticator).
second-factor-enrol-step-scan = Отсканируйте этот код приложением.
second-factor-enrol-secret = Или введите в приложение этот ключ:
second-factor-enrol-step-code = Введите шестизначный код, который теперь показывает приложение.
second-factor-enrol-submit = Включить второй фактор
field-second-factor-code = Код
second-factor-wrong-code = Код неверен или уже был использован. Дождитесь следующего кода и попробуйте снова.
second-factor-already-enrolled = Для этой учётной записи второй фактор уже настроен.
second-factor-not-enrolled = Для этой учётной записи второй фактор ещё не настроен.
second-factor-recovery-title = Ваши коды восстановления
second-factor-recovery-once = Запишите или распечатайте эти коды сейчас и храните их в надёжном месте: они показываются только один раз.
second-factor-recovery-hint = Каждый код один раз позволяет войти без телефона. Новые коды отменяют эти.
second-factor-recovery-continue = Я сохранил(а) их — продолжить
second-factor-recovery-gone = Эти коды восстановления уже были показаны один раз и больше не показываются. Если вы их не сохранили, создайте новые на странице второго фактора: новые коды заменят старые.
second-factor-recovery-continue-gone = Продолжить
second-factor-account-title = Второй фактор
second-factor-account-link = Настроить второй фактор или управлять им
second-factor-account-intro = Со вторым фактором для входа нужны пароль и код из приложения на телефоне.
second-factor-account-enrolled = Второй фактор настроен: при входе запрашивается код из приложения.
second-factor-recovery-left = Неиспользованных кодов восстановления: { $count }
second-factor-regenerate = Создать новые коды восстановления
second-factor-account-reset-hint = Потеряли телефон? Попросите администратора сбросить второй фактор; новый вы настроите при следующем входе.
second-factor-policy-everyone = Обязателен для всех
second-factor-policy-admins-and-lawyers = Обязателен для администраторов и юристов
second-factor-policy-optional = Необязателен
settings-second-factor-policy = Второй фактор при входе
settings-second-factor-policy-hint = Сотрудники, которым нужен второй фактор и у которых его нет, настроят его при следующем входе.
validation-second-factor-policy = Выберите один из вариантов правила второго фактора.
staff-reset-second-factor = Сбросить второй фактор
api-otp-required = У этой учётной записи есть второй фактор: передайте текущий код из приложения в поле "otp".
audit-action-second-factor-enrolled = Второй фактор настроен
audit-action-second-factor-failed = Неверный код второго фактора
audit-action-second-factor-reset = Второй фактор сброшен
audit-action-second-factor-throttled = Второй шаг отклонён: слишком много попыток
audit-action-second-factor-recovery-code-used = Использован код восстановления
audit-action-second-factor-recovery-codes-regenerated = Созданы новые коды восстановления
audit-reason-wrong-code = неверный код
audit-reason-code-reused = код уже использован
audit-reason-wrong-recovery-code = неверный код восстановления
audit-reason-no-code = код не введён
audit-field-recovery-codes = Осталось кодов восстановления

## Retention (issue 14)
settings-retention-years = Удалять дела закрытых клиентов через столько лет
settings-retention-years-hint = Оставьте пустым, чтобы хранить все дела. Если задано, дело подлежит удалению через это число полных лет после закрытия, отзыва или отказа; администраторы каждую неделю получают список, и ничего не удаляется, пока один из них его не подтвердит.
validation-retention-years = Введите целое число лет от 1 до { $max } или оставьте поле пустым, чтобы хранить все дела.
retention-title = Дела к удалению
retention-off = Офис хранит все дела клиентов: срок хранения не задан.
retention-rule = Дела подлежат удалению через { $years ->
    [one] { $years } год
    [few] { $years } года
   *[other] { $years } лет
} после закрытия, отзыва или отказа.
retention-none-due = Нет дел, подлежащих удалению.
retention-intro = Эти дела закрыты раньше, чем офис хранит дела. Удаление безвозвратно стирает клиента, семью, маршрут, въезд, историю преследований, дело с историей, заметками и письмами; в журнале аудита остаётся запись с номером дела.
retention-col-delete = Удалить
retention-col-reference = Номер дела
retention-col-stage = Этап
retention-col-closed = Закрыто
retention-confirm-hint = Снимите отметку, чтобы пока сохранить дело. Дело, открытое снова после показа этой страницы, не удаляется.
retention-confirm = Безвозвратно удалить отмеченные дела
retention-purged = Удалено дел: { $count }.
retention-none-selected = Ни одно дело не удалено.
retention-bad-case = Присланный список не похож на список этой страницы. Откройте страницу снова.
email-subject-retention = Refuge: дела к удалению ({ $count })
email-retention-headline = Дела, закрытые больше { $years ->
    [one] { $years } года
   *[other] { $years } лет
} назад: { $count }. Ничего не удаляется, пока администратор не подтвердит список:
email-retention-line = { $reference }, закрыто { $closed }
email-retention-link = Проверить и подтвердить список

## Issue 15: the public inquiry form (settings) and triage
nav-triage = Разбор обращений
language-uk = Українська
language-es = Español
settings-inquiry-form = Публичная форма обращения
settings-inquiry-form-hint = Тогда любой сможет попросить офис о помощи по этому адресу, на английском, русском, украинском или испанском, без входа в систему; юристы и администраторы разбирают ответы на странице разбора обращений.
settings-office-name = Название офиса
settings-office-name-hint = Показывается вверху публичной формы обращения и в конце писем, которые она отправляет.
audit-action-inquiry-taken = Обращение принято
audit-action-inquiry-merged = Обращение объединено с делом
audit-action-inquiry-declined = В обращении отказано
audit-action-triage-viewed = Просмотрена очередь обращений
audit-field-source = Источник
audit-source-web-form = Публичная форма обращения
audit-field-merged-into = Объединено с
audit-field-reply-sent = Ответ отправлен
triage-title = Разбор новых обращений
triage-waiting = { $count ->
    [one] Ждёт { $count } обращение; самые срочные — первыми.
    [few] Ждут { $count } обращения; самые срочные — первыми.
   *[other] Ждут { $count } обращений; самые срочные — первыми.
}
triage-empty = Нет ожидающих обращений.
triage-not-urgent = Не срочно.
triage-reason-one-year-passed = Годичный срок подачи истёк { $date }
triage-reason-one-year-soon = Годичный срок подачи — { $date }, осталось дней: { $days }
triage-reason-one-year-today = Годичный срок подачи истекает сегодня, { $date }
triage-reason-hearing-today = Заседание суда сегодня, { $date }
triage-reason-hearing-past = Заседание суда было { $date } ({ $days ->
    [one] { $days } день назад
    [few] { $days } дня назад
   *[many] { $days } дней назад
})
triage-reason-detained = Задержан(а)
triage-reason-hearing-soon = Заседание суда { $date } (осталось дней: { $days })
triage-received = Получено
triage-duplicates = Возможные совпадения
triage-possibly-same = Возможно, это тот же человек, что и в { $reference }
triage-this-inquiry = Это обращение
triage-also-inquiry = тоже обращение
triage-take-lawyer = Ответственный юрист
triage-take = Принять (на проверку конфликта интересов)
triage-merge-into = Дело, к которому оно относится
triage-merge = Объединить с этим делом
triage-decline-reason = Причина отказа
triage-decline-reply = Отправить короткий вежливый ответ на их языке на безопасный адрес почты
triage-decline = Отказать
triage-done-taken = { $reference } принято и находится на проверке конфликта интересов.
triage-done-merged = { $reference } объединено; его ответы — заметка в другом деле.
triage-done-declined = В { $reference } отказано.
triage-already-decided = Это обращение уже принято, объединено или отклонено.
triage-merge-unknown = Нет другого дела с таким номером.
triage-merge-not-open = Это дело отклонено, отозвано или закрыто: сначала откройте его снова или примите обращение как новое дело.
triage-merge-note-title = Ответы веб-обращения { $reference }, объединённого с этим делом:
triage-taken-note-title = Ответы веб-обращения { $reference }, принятого как это дело:
triage-merged-stage-note = Объединено с { $reference }
report-web-inquiries = Обращения через сайт
report-web-inquiries-received = { $count ->
    [one] Через публичную форму пришло { $count } обращение.
    [few] Через публичную форму пришло { $count } обращения.
   *[other] Через публичную форму пришло { $count } обращений.
}
report-web-inquiries-median = Медиана времени до первого действия: { $minutes } мин.
report-web-inquiries-none-acted = Ни по одному из них ещё ничего не сделано.
