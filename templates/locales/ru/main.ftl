# Refuge — русский каталог. Каждый ключ должен быть и в en/main.ftl (проверяется тестом).

## Навигация и общие слова
nav-skip = Перейти к содержимому
nav-label = Главное меню
nav-home = Главная
nav-staff = Сотрудники
nav-audit = Журнал аудита
nav-account = Мой профиль
nav-logout = Выйти
save = Сохранить
form-errors-title = Исправьте, пожалуйста, следующее
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
staff-created = Учётная запись создана.
staff-saved = Сохранено.
staff-change-role = Роль
staff-access = Доступ
staff-access-hint = Отключение или сброс пароля сразу завершает сеансы сотрудника и отзывает его API-токены.
staff-deactivate = Отключить
staff-reactivate = Включить снова
staff-reset-password = Сбросить пароль
staff-password-reset-done = Пароль сброшен. Передайте сотруднику ссылку ниже, чтобы он выбрал новый.
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
validation-language = Выберите английский или русский.
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
validation-date-future = Эта дата в будущем.
validation-lawyer = Выберите действующего юриста.
validation-paralegal = Выберите действующего помощника юриста.
case-kind-required = Сначала укажите в анкете вид дела.
case-conflict-unresolved = Перед консультацией отметьте, что проверка конфликта интересов пройдена.

## --- intake form ---

## --- case page ---

## --- search, conflict check and case list ---

## --- API ---

## --- demo data ---
