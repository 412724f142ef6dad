# Refuge — український каталог. Кожен ключ en/main.ftl має бути й тут (це перевіряє тест).

## Navigation and shared words
nav-skip = Перейти до змісту
nav-menu = Меню
nav-label = Головне меню
nav-home = Головна
nav-new-intake = Нова анкета
nav-settings = Налаштування офісу
nav-staff = Працівники
nav-audit = Журнал аудиту
nav-account = Мій обліковий запис
nav-logout = Вийти
save = Зберегти
form-errors-title = Будь ласка, виправте таке
form-expired = Ця форма застаріла або надійшла не з цього сайту, тому нічого не надіслано. Перевірте заповнене й надішліть ще раз.
form-expired-password = Ця форма застаріла або надійшла не з цього сайту, тому нічого не збережено. Введіть пароль ще раз і надішліть форму знову.
pagination-label = Сторінки
pagination-previous = Попередня
pagination-next = Наступна
pagination-page = Сторінка

## Fields
field-email = Електронна пошта
field-password = Пароль
field-new-password = Новий пароль
field-password-confirm = Повторіть пароль
field-current-password = Поточний пароль
field-initial-password = Пароль (необов'язково)
field-display-name = Ім'я
field-language = Мова
field-role = Роль
field-status = Стан
field-created = Створено
password-hint = Щонайменше 12 символів. Добре підходить коротке речення, яке ви запам'ятаєте; поширені паролі не приймаються.

## Roles and languages
role-admin = Адміністратор
role-lawyer = Юрист
role-paralegal = Помічник юриста
language-en = English
language-ru = Русский

## Sign in
login-title = Вхід
login-submit = Увійти
login-invalid-credentials = Неправильна адреса пошти або пароль.
login-form-expired = Ця форма входу застаріла або надійшла не з цього сайту, тому нічого не надіслано. Введіть пароль і увійдіть ще раз.
login-no-account-yet = Облікових записів працівників ще немає. Під час запуску Refuge вивів посилання для створення першого адміністратора — у терміналі або в журналі сервера, де він працює («Create the first admin account here»); відкрийте це посилання. Після перезапуску Refuge виведе нове.
login-signed-out = Ви вийшли з системи.

## First-run setup
setup-title = Налаштування Refuge
setup-intro = Облікових записів працівників ще немає. Створіть перший обліковий запис адміністратора; потім він зможе додати решту офісу.
setup-submit = Створити обліковий запис адміністратора

## Invitations and password resets
invitation-title = Оберіть пароль
invitation-intro = Вітаємо, { $name }. Оберіть пароль, щоб завершити налаштування облікового запису.
invitation-submit = Зберегти пароль і увійти

## Home
home-title = Головна
home-greeting = Вітаємо, { $name }
home-cases-title = Мої справи
home-cases-empty = Прийом справ з'явиться в наступному випуску; тут буде список ваших справ.
home-admin-title = Адміністрування офісу

## Own account
account-title = Мій обліковий запис
account-language-title = Мова
account-language-saved = Мову збережено.
account-password-title = Зміна пароля
account-password-hint = Зміна пароля завершує всі ваші інші сеанси та відкликає ваші API-токени.
account-password-submit = Змінити пароль
account-password-saved = Пароль змінено. Інші сеанси завершено.

## Staff administration
staff-title = Працівники
staff-add = Додати працівника
staff-active = Активний
staff-inactive = Деактивований
staff-invited = Запрошено, ще не прийнято
staff-invitation-expired = Запрошення прострочене: скиньте пароль, щоб надіслати нове посилання
staff-reset-pending = Пароль скинуто, очікується новий пароль
staff-reset-expired = Посилання для скидання пароля прострочене: скиньте пароль ще раз
staff-created = Обліковий запис створено.
staff-saved = Збережено.
staff-change-role = Роль
staff-access = Доступ
staff-access-hint = Деактивація чи скидання пароля одразу завершує сеанси та API-токени цієї людини.
staff-deactivate = Деактивувати
staff-reactivate = Активувати знову
staff-reset-password = Скинути пароль
staff-password-reset-done = Пароль скинуто. Передайте людині посилання нижче, щоб вона обрала новий.
staff-password-reset-link-gone = Пароль скинуто. Посилання показувалося один раз і більше не показується: скиньте пароль ще раз, щоб отримати нове.
staff-link-intro = Передайте це одноразове посилання людині особисто або каналом, якому довіряєте. Його більше не буде показано.
staff-link-label = Посилання
staff-password-or-invite = Залиште порожнім, щоб отримати посилання-запрошення, за яким людина сама обере пароль.
staff-last-admin = В офісі має залишатися принаймні один активний адміністратор.
staff-audit-link = Дії цієї людини в журналі аудиту

## Audit log
audit-title = Журнал аудиту
audit-filter-staff = Працівник
audit-filter-anyone = Будь-хто
audit-filter-action = Дія
audit-filter-any-action = Будь-яка дія
audit-filter-from = З
audit-filter-until = До
audit-filter-security = Лише події безпеки
audit-filter-apply = Фільтрувати
audit-count = { $count ->
    [one] { $count } запис
    [few] { $count } записи
   *[many] { $count } записів
}
audit-when = Коли
audit-who = Хто
audit-action = Дія
audit-target = Запис
audit-address = Адреса
audit-details = Подробиці

## Validation
validation-required = Це поле обов'язкове.
validation-too-long = Не більше { $max } символів.
validation-control-characters = Керівні символи не допускаються.
validation-email = Введіть адресу електронної пошти, наприклад name@example.org.
validation-email-taken = Обліковий запис працівника з такою адресою вже існує.
validation-role = Оберіть: адміністратор, юрист або помічник юриста.
validation-language = Оберіть англійську, російську, українську або іспанську.
validation-password-short = Пароль має містити щонайменше { $min } символів.
validation-password-common = Цей пароль надто поширений; зловмисники пробують його першим. Оберіть інший.
validation-password-mismatch = Паролі не збігаються.
validation-current-password = Поточний пароль неправильний.
validation-date = Введіть дату у форматі РРРР-ММ-ДД.
validation-staff = Оберіть працівника зі списку.

## Errors
error-status = Помилка { $status }
error-back-home = Повернутися на головну
error-unauthorized-title = Потрібно увійти
error-unauthorized = Увійдіть або надішліть дійсний bearer-токен.
error-forbidden-title = Заборонено
error-forbidden = Ваша роль цього не дозволяє.
error-csrf = Ця форма застаріла або надійшла не з Refuge. Поверніться, оновіть сторінку й спробуйте ще раз.
error-not-found-title = Не знайдено
error-not-found = Такої сторінки немає, або посилання вже недійсне.
error-method-not-allowed-title = Метод не дозволено
error-method-not-allowed = Ця адреса не приймає такого запиту.
error-payload-too-large-title = Запит завеликий
error-unsupported-media-type-title = Непідтримуваний тип вмісту
error-bad-request-title = Неправильний запит
error-bad-request = Запит не вдалося зрозуміти.
error-validation-title = Неправильні дані
error-validation = Деякі поля заповнено неправильно.
error-conflict-title = Конфлікт
error-conflict-duplicate = Такий запис уже існує.
error-too-many-title = Забагато спроб
error-too-many = Забагато невдалих спроб. Спробуйте знову через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунди
   *[many] { $seconds } секунд
}.
error-payload-too-large = Тіло запиту завелике.
error-unsupported-media-type = Надішліть тіло запиту як application/json.
error-body-unreadable = Не вдалося прочитати тіло запиту.
error-json-invalid = Тіло JSON неправильне: { $reason }
error-form-invalid = Не вдалося прочитати дані форми.
error-query-invalid = Рядок запиту неправильний: { $reason }
error-unavailable-title = Тимчасово недоступно
error-unavailable = Refuge зараз не може з'єднатися зі своєю базою даних. Спробуйте за хвилину.
error-internal-title = Щось пішло не так
error-internal = Сталася неочікувана помилка. Нічого не змінено. Якщо це повториться, повідомте адміністратора.
api-not-a-token = Цей запит надіслано не з bearer-токеном.

## Claims and case stages
claim-kind-affirmative = Афірмативна (USCIS)
claim-kind-defensive = Захисна (імміграційний суд)
claim-kind-credible-fear = Обґрунтований страх (кордон)
claim-kind-invalid = Оберіть: афірмативна, захисна або обґрунтований страх.
case-stage-inquiry = Звернення
case-stage-conflict-check = Перевірка конфлікту інтересів
case-stage-consultation = Консультація
case-stage-retained = Договір укладено
case-stage-declined = Відмовлено
case-stage-credible-fear-pending = Очікується співбесіда щодо обґрунтованого страху
case-stage-credible-fear-positive = Обґрунтований страх визнано
case-stage-credible-fear-negative = Обґрунтований страх не визнано
case-stage-ij-review = Перегляд імміграційним суддею
case-stage-drafting = Підготовка I-589
case-stage-filed = Подано до USCIS
case-stage-receipt-received = Отримано повідомлення про прийняття (receipt notice)
case-stage-biometrics-scheduled = Призначено біометрію
case-stage-interview-scheduled = Призначено співбесіду
case-stage-interviewed = Співбесіду проведено
case-stage-referred-to-court = Передано до імміграційного суду
case-stage-nta-served = Вручено повідомлення про явку до суду (NTA)
case-stage-master-hearing = Попереднє засідання (master calendar)
case-stage-application-lodged = I-589 подано до суду
case-stage-merits-hearing = Засідання по суті
case-stage-granted = Притулок надано
case-stage-denied = Відмовлено в притулку
case-stage-bia-appeal = Апеляція до BIA
case-stage-withdrawn = Відкликано
case-stage-closed = Закрито
case-stage-invalid = Оберіть етап зі списку.
case-stage-unchanged = Справа вже на етапі «{ $stage }».
case-stage-wrong-kind = «{ $stage }» не є етапом { $kind ->
        [affirmative] афірмативної справи
        [defensive] захисної справи
       *[other] справи щодо обґрунтованого страху
    }, тому її не можна перевести з «{ $from }» на «{ $to }».
case-stage-transition-not-allowed = { $kind ->
        [affirmative] Афірмативну справу
        [defensive] Захисну справу
       *[other] Справу щодо обґрунтованого страху
    } не можна перевести з «{ $from }» на «{ $to }».
case-stage-reopen-required = Справа має стан «{ $from }». Відновіть її, перш ніж переводити на «{ $to }».
case-stage-reopen-not-closed = Відновити можна лише відмовлену, відкликану або закриту справу; ця на етапі «{ $from }».
case-stage-reopen-not-allowed = Справу зі станом «{ $from }» не можна відновити на етапі «{ $to }».

## Deadlines
deadline-one-year-filing = Річний строк подання (I-589)
deadline-ead-may-file = Можна подавати на дозвіл на роботу (I-765)
deadline-ead-may-be-granted = Дозвіл на роботу може бути надано
deadline-bia-appeal = Строк апеляції до BIA
deadline-parole-expiry = Закінчується пароль (parole)
deadline-re-parole-window = Подати на повторний пароль (re-parole)
deadline-child-ages-out = Дитині виповнюється 21 рік
deadline-i730 = Строк I-730 для родичів за кордоном
deadline-hearing = Судове засідання
deadline-interview = Співбесіда щодо притулку
deadline-biometrics = Запис на біометрію
filing-exception-changed-circumstances = Змінені обставини
filing-exception-extraordinary-circumstances = Надзвичайні обставини

## US federal holidays
holiday-new-years-day = Новий рік
holiday-martin-luther-king-jr-day = День народження Мартіна Лютера Кінга-молодшого
holiday-washingtons-birthday = День народження Вашингтона
holiday-memorial-day = День пам'яті
holiday-juneteenth = Джунтінс, національний день незалежності
holiday-independence-day = День незалежності
holiday-labor-day = День праці
holiday-columbus-day = День Колумба
holiday-veterans-day = День ветеранів
holiday-thanksgiving-day = День подяки
holiday-christmas-day = Різдво

## Case-file vocabularies
validation-a-number = Введіть A-номер, як у повідомленнях USCIS, наприклад A-012-345-678: літера A, потім 8 або 9 цифр.
validation-a-number-length = A-номер має 8 або 9 цифр; у цьому { $digits }.
validation-a-number-zero = A-номер не може складатися лише з нулів.
validation-country = «{ $code }» не є кодом країни; використовуйте дві літери, наприклад RU, UA, BY.
validation-language-code = «{ $code }» не є кодом мови; використовуйте дві літери, наприклад ru, uk, en.
validation-choice = Оберіть один із варіантів.
sex-female = Жіноча
sex-male = Чоловіча
sex-x = Не вказано (X)
entry-port_parole = Через пункт в'їзду, з паролем (parole)
entry-cbp_one = Запис через CBP One
entry-without_inspection = В'їзд без перевірки
entry-uniting_for_ukraine = Uniting for Ukraine
entry-visa = З візою
entry-other = Інше
travel-air = Літаком
travel-land = Суходолом
travel-car = Автомобілем
travel-bus = Автобусом
travel-on_foot = Пішки
travel-sea = Морем
relationship-spouse = Чоловік / дружина
relationship-child = Дитина
relationship-parent = Батько / мати
relationship-sibling = Брат або сестра
relationship-fiance = Наречений / наречена
relationship-other = Інше
marital-single = Неодружений / незаміжня
marital-married = Одружений / заміжня
marital-divorced = Розлучений / розлучена
marital-widowed = Удівець / вдова
persecutor-police = Поліція
persecutor-security_service = Спецслужба
persecutor-military = Військові
persecutor-non_state_actor = Недержавний суб'єкт
persecutor-other = Інше
status-paroled = Пароль (parole)
status-in_proceedings = У судовому провадженні
status-detained = Під вартою
status-asylee = Отримав(ла) притулок
status-tps = TPS
status-lpr = Постійний резидент
status-no_status = Без статусу
status-other = Інше
checklist-missing = Немає
checklist-requested = Запитано
checklist-received = Отримано
checklist-translated = Перекладено
checklist-filed = Подано
event-master_hearing = Попереднє засідання (master calendar)
event-merits_hearing = Засідання по суті
event-interview = Співбесіда щодо притулку
event-biometrics = Біометрія
validation-name-or-none = Напишіть ім'я, як у паспорті, або NONE, якщо в паспорті його немає.
validation-too-many-rows = Не більше { $max } рядків у розділі.
validation-arrival-before-departure = Прибуття раніше за відправлення.
validation-number = Введіть ціле число.
validation-date-too-early = Введіть дату не раніше 1900 року.
validation-date-future = Ця дата ще не настала.
validation-lawyer = Оберіть активного юриста.
validation-paralegal = Оберіть активного помічника юриста.
case-kind-required = Спершу вкажіть в анкеті вид заяви.
case-conflict-unresolved = Перед консультацією зафіксуйте, що конфлікту інтересів немає.

## --- intake form ---
intake-title-new = Нова анкета
intake-title-edit = Анкета { $reference }
intake-intro = Зберігайте чернетку будь-коли й заповнюйте пізніше.
intake-audit-promise = Журнал аудиту фіксує, хто і коли змінював цю форму. Значення він зберігає лише для виду заяви, юриста й помічника, вибору щодо перекладача й безпечного зв'язку та того, хто є похідним заявником; щодо всіх інших полів він фіксує лише факт зміни.
intake-needed-legend = Поля, позначені *, потрібні для завершення анкети; у чернетці їх можна залишити порожніми.
intake-status-draft = Ця анкета — чернетка.
intake-status-complete = Ця анкета завершена: після змін вона має залишатися повною.
intake-back-to-case = Назад до справи
intake-needed = (потрібно для завершення)
intake-not-recorded = — не вказано —
intake-staff-unavailable = { $name } (більше не доступний)
intake-draft-needs-name = Перш ніж зберегти, введіть хоча б одне з імен клієнта (прізвище, ім'я або ім'я рідною мовою).
intake-save-draft = Зберегти чернетку
intake-complete = Завершити анкету
intake-save = Зберегти зміни
intake-save-hint = У чернетці може бракувати будь-чого. Під час завершення перевіряється, що все потрібне заповнено.
intake-save-complete-hint = Під час збереження перевіряється, що все потрібне для завершеної анкети й далі на місці.
intake-section-client = Клієнт
intake-section-contact = Контакти
intake-section-entry = В'їзд до США
intake-section-family = Члени родини
intake-section-journey = Маршрут
intake-section-persecution = Переслідування та арешти
intake-section-claim = Заява
intake-name-hint = Як у паспорті, літера в літеру.
intake-middle-name-hint = Як у паспорті; напишіть NONE, якщо другого імені немає (I-589 не приймає порожнього поля).
intake-client-family-name = Прізвище
intake-client-given-name = Ім'я
intake-client-middle-name = Друге ім'я
intake-client-native-name = Ім'я рідною мовою
intake-client-native-name-hint = Наприклад, кирилицею: Євген Щербаков.
intake-client-other-names = Інші імена та написання
intake-client-other-names-hint = По одному в рядку: інші латинські написання, попередні імена, псевдоніми.
intake-client-date-of-birth = Дата народження
intake-client-sex = Стать (як у паспорті)
intake-client-country-of-birth = Країна народження
intake-client-nationalities = Громадянство
intake-client-nationalities-hint = Одна країна в кожному полі. Після збереження з'явиться ще одне порожнє поле.
intake-client-languages = Мови
intake-client-languages-hint = Одна мова в кожному полі. Після збереження з'явиться ще одне порожнє поле.
intake-client-interpreter = Потрібен перекладач
intake-client-a-number = A-номер
intake-client-a-number-hint = Як у документах USCIS або суду, наприклад A-012-345-678. Залиште порожнім, якщо його ще немає.
intake-client-passports = Номер(и) паспорта
intake-client-passport-expiry = Паспорт дійсний до
intake-client-immigration-status = Імміграційний статус
intake-contact-warning = За людьми вдома в клієнта або за родичами на батьківщині можуть стежити. Позначайте «безпечно» лише для каналу, який, за словами клієнта, ніхто інший не читає й не відповідає на нього.
intake-client-phone = Телефон
intake-client-phone-safe = Безпечно дзвонити чи писати SMS
intake-client-email = Електронна пошта
intake-client-email-safe = Безпечно писати на пошту
intake-client-messenger = Месенджер (застосунок і обліковий запис)
intake-client-messenger-safe = Безпечно писати в месенджер
intake-client-us-address = Адреса в США
intake-client-address-safe = Безпечно надсилати листи поштою
intake-entry-last-arrival = Дата останнього прибуття до США
intake-entry-last-arrival-hint = Річний строк подання заяви про притулок рахують від цієї дати: від останнього прибуття, а не першого.
intake-entry-port = Пункт в'їзду
intake-entry-port-hint = Наприклад, San Ysidro.
intake-entry-manner = Спосіб в'їзду
intake-entry-i94 = Номер I-94
intake-entry-class = Категорія допуску
intake-entry-class-hint = Як в I-94, наприклад DT для паролю (parole).
intake-entry-parole-expires = Пароль (parole) діє до
intake-family-intro = Перелічіть усіх подружжя й дітей, навіть тих, хто за кордоном. Похідними заявниками можна включити лише чоловіка чи дружину та неодружених дітей до 21 року, які перебувають у США.
intake-family-member = Член родини { $number }
intake-family-relationship = Ким доводиться
intake-family-family-name = Прізвище
intake-family-given-name = Ім'я
intake-family-native-name = Ім'я рідною мовою
intake-family-date-of-birth = Дата народження
intake-family-marital-status = Сімейний стан
intake-family-in-us = У США
intake-family-derivative = Включити похідним заявником в I-589
intake-family-safe = Безпечно зв'язуватися
intake-family-notes = Примітки
intake-family-add = Додати члена родини
intake-family-remove = Вилучити члена родини { $number }
intake-family-none = Членів родини не вказано.
intake-journey-intro = Один відрізок на кожну поїздку, по порядку, від батьківщини до США.
intake-journey-leg = Відрізок { $number }
intake-journey-from-country = З країни
intake-journey-from-city = З міста
intake-journey-to-country = До країни
intake-journey-to-city = До міста
intake-journey-departed = Дата відправлення
intake-journey-arrived = Дата прибуття
intake-journey-mode = Чим подорожували
intake-journey-notes = Перевізник, рейс або примітки
intake-journey-add = Додати відрізок
intake-journey-up = Перемістити відрізок { $number } вище
intake-journey-remove = Вилучити відрізок { $number }
intake-journey-none = Маршрут не вказано.
intake-persecution-intro = Арешти, затримання, обшуки, обвинувачення, побиття, погрози: кожна подія окремо. Це найчутливіша частина справи: журнал аудиту фіксує лише факт зміни, а не зміст (жодних дат, місць, виконавців чи днів під вартою).
intake-persecution-event = Подія { $number }
intake-persecution-date = Дата
intake-persecution-place = Місце
intake-persecution-actor = Хто діяв
intake-persecution-detention-days = Днів під вартою
intake-persecution-description = Що сталося
intake-persecution-charges = Обвинувачення
intake-persecution-outcome = Наслідки
intake-persecution-evidence = Наявні докази
intake-persecution-evidence-hint = Наприклад, відео, судовий документ, медична довідка.
intake-persecution-add = Додати подію
intake-persecution-remove = Вилучити подію { $number }
intake-persecution-none = Подій не вказано.
intake-claim-kind = Вид заяви
intake-claim-lawyer = Відповідальний юрист
intake-claim-paralegal = Помічник юриста

## --- case page ---
case-print-summary = Надрукувати зведення
case-summary-title = Зведення щодо клієнта
case-summary-print-hint = Надрукуйте цю сторінку з браузера (Ctrl+P): навігація й посилання на папір не потраплять.
case-reference = Справа
case-saved = Збережено.
case-edit-intake = Редагувати анкету
case-edit = Редагувати
case-overview-title = Зведення
case-overview-people = Особи
case-overview-principal = основний заявник
case-header-stage = Етап
case-header-kind = Заява
case-header-lawyer = Юрист
case-header-paralegal = Помічник юриста
case-nobody = Не призначено
case-yes = Так
case-no = Ні
case-none-recorded = Нічого не вказано.
case-age = { $age ->
    [one] { $age } рік
    [few] { $age } роки
   *[many] { $age } років
}
case-one-year-title = Річний строк подання
case-one-year-until-filed = I-589 треба подати не пізніше цього дня. Нагадування зникне, коли дату подання буде вказано в ключових датах.
case-one-year-exception = Зафіксовано виняток: { $kind }, розумний строк до { $date }.
case-one-year-no-arrival = I-589 не подано, а дату останнього прибуття не вказано, тому річний строк обчислити неможливо. Вкажіть прибуття в анкеті.
case-days-left = { $days ->
    [one] залишився { $days } день
    [few] залишилося { $days } дні
   *[many] залишилося { $days } днів
}
case-days-today = строк сьогодні
case-days-overdue = { $days ->
    [one] прострочено на { $days } день
    [few] прострочено на { $days } дні
   *[many] прострочено на { $days } днів
}
case-days-ago = { $days ->
    [one] { $days } день тому
    [few] { $days } дні тому
   *[many] { $days } днів тому
}
case-deadlines-title = Строки
case-deadlines-past = Дати, що минули
case-next-deadline = Найближчий строк
case-no-deadlines = Строків поки немає.
case-deadline = Строк
case-due = Дата
case-remaining = Залишилося
case-overdue = Прострочено
case-section-client = Клієнт
case-client-name = Ім'я (як у паспорті)
case-client-native-name = Ім'я рідною мовою
case-client-other-names = Інші написання та псевдоніми
case-client-dob = Дата народження
case-client-sex = Стать
case-client-country-of-birth = Країна народження
case-client-nationalities = Громадянство
case-client-languages = Мови
case-client-interpreter = Перекладач
case-interpreter-needed = Потрібен
case-interpreter-not-needed = Не потрібен
case-client-a-number = A-номер
case-client-passports = Номери паспортів
case-client-passport-expiry = Паспорт дійсний до
case-client-status = Імміграційний статус
case-contact-title = Контакти
case-contact-phone = Телефон
case-contact-email = Електронна пошта
case-contact-address = Адреса в США
case-contact-messenger = Месенджер
case-contact-safe = безпечно для зв'язку
case-contact-not-safe = НЕБЕЗПЕЧНО для зв'язку
case-section-family = Родина
case-family-name = Ім'я
case-family-relationship = Ким доводиться
case-family-dob = Народження
case-family-marital = Сімейний стан
case-family-in-us = У США
case-family-eligible = Похідний заявник в I-589
case-family-ages-out = Виповнюється 21
case-family-contact = Контакт
case-family-empty = Членів родини не вказано.
case-family-eligibility-hint = Похідними заявниками можуть бути лише чоловік чи дружина та неодружені діти до 21 року, які перебувають у США; проте в I-589 треба вказати всіх подружжя й дітей.
case-eligible-yes = Може бути
case-eligible-no = Не може бути
case-derivative-requested = включено похідним заявником
case-derivative-not-requested = не включено
case-section-journey = Маршрут
case-journey-empty = Маршрут не вказано.
case-journey-departed = Відправлення
case-journey-arrived = прибуття
case-section-entry = В'їзд
case-entry-last-arrival = Останнє прибуття до США
case-entry-port = Пункт в'їзду
case-entry-manner = Спосіб в'їзду
case-entry-i94 = Номер I-94
case-entry-class = Категорія допуску
case-entry-parole-expires = Пароль (parole) діє до
case-section-persecution = Переслідування та арешти
case-persecution-empty = Подій не вказано.
case-persecution-actor = Хто діяв
case-persecution-what = Що сталося
case-persecution-detention = Під вартою
case-persecution-days = { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[many] { $days } днів
}
case-persecution-charges = Обвинувачення
case-persecution-outcome = Наслідки
case-persecution-evidence = Докази
case-section-claim = Заява
case-claim-conflict = Перевірка конфлікту інтересів
case-conflict-unchecked = Ще не перевірено
case-conflict-clear = Конфлікту немає
case-conflict-found = Конфлікт: { $reason }
case-conflict-check-link = Перевірити конфлікт інтересів
case-claim-intake = Анкета
case-intake-complete = Завершена
case-intake-draft = Чернетка анкети
case-claim-opened = Відкрито
case-claim-updated = Останнє оновлення
case-section-stage = Етап та історія
case-move-to = Перевести на
case-move-note = Примітка (необов'язково)
case-move-submit = Змінити етап
case-move-none = Звідси не можна обрати інший етап.
case-move-closing-hint = Відмовляти у справі, відкликати, закривати й відновлювати її можуть юристи та адміністратори.
case-history-title = Історія етапів
case-history-when = Коли
case-history-who = Хто
case-history-change = Зміна
case-history-note = Примітка
case-history-opened = Відкрито
case-section-dates = Ключові дати
case-dates-i589-filed = I-589 подано
case-dates-i589-received = I-589 отримано USCIS або подано до суду
case-dates-exception = Виняток із річного строку
case-dates-exception-none = Немає
case-dates-exception-until = Розумний строк для подання закінчується
case-dates-exception-lawyer-only = Виняток із річного строку — рішення юриста: фіксують його лише юристи та адміністратори.
case-dates-ij-decision = Рішення імміграційного судді
case-dates-granted = Притулок надано
case-dates-court-verified = Востаннє звірено з судом
case-dates-submit = Зберегти дати
case-section-events = Засідання, співбесіди та біометрія
case-events-empty = Нічого не призначено.
case-event-when = Коли
case-event-kind = Вид
case-event-date = Дата
case-event-time = Час (необов'язково)
case-event-place = Місце
case-event-official = Суддя або посадовець
case-event-add-title = Додати засідання чи запис
case-event-add = Додати
case-event-remove = Вилучити
case-event-outcome = Результат
case-event-outcome-record = Записати
case-event-outcome-correct = Виправити
case-section-ead = Відлік для дозволу на роботу (EAD)
case-ead-not-started = Відлік EAD ще не почався: вкажіть у ключових датах день, коли USCIS отримала I-589 або її подано до суду.
case-ead-start = Відлік почався
case-ead-days = Днів відліку
case-ead-state = Відлік
case-ead-running = Іде
case-ead-stopped = Зупинено
case-ead-stops = Зупинки
case-ead-stopped-on = Зупинено
case-ead-restarted-on = Відновлено
case-ead-still-stopped = не відновлено
case-ead-reason = Причина (затримка з вини заявника)
case-ead-on = Дата
case-ead-stop = Зупинити відлік
case-ead-restart = Відновити відлік
case-ead-already-stopped = Відлік уже зупинено; відновіть його, перш ніж записувати нову зупинку.
case-ead-not-stopped = Відлік іде; немає зупинки, яку можна завершити.
case-section-checklist = Перелік документів
case-checklist-empty = Документів ще немає в переліку.
case-checklist-item = Документ
case-checklist-status = Стан
case-checklist-note = Примітка
case-checklist-updated = Оновлено
case-checklist-save = Зберегти
case-checklist-add-title = Додати документ
case-checklist-add = Додати
case-section-notes = Примітки
case-note-body = Нова примітка
case-note-add = Додати примітку
case-notes-empty = Приміток ще немає.
case-section-audit = Журнал аудиту справи
case-audit-hint = Кожен перегляд і кожна зміна цієї справи, спершу найновіші (останні 20).
case-purge-title = Видалити справу цього клієнта
case-purge-hint = Лише для політики зберігання. Клієнта, родину, маршрут, в'їзд і історію переслідувань, справу з її історією, датами, переліком документів і примітками буде видалено назавжди; у журналі аудиту залишиться запис із номером справи. Щоб завершити роботу офісу над справою, натомість закрийте або відкличте її.
case-purge-confirm = Введіть номер { $reference } для підтвердження
case-purge-submit = Видалити назавжди
validation-time = Введіть час у форматі ГГ:ХХ.
validation-received-before-filed = I-589 не може бути отримано раніше, ніж подано.
validation-ead-stop-before-start = Відлік не може зупинитися раніше, ніж почався.
validation-ead-restart-before-stop = Відлік не може відновитися раніше, ніж зупинився.
validation-purge-confirm = Для підтвердження введіть номер справи точно так, як показано.
validation-event-not-happened = Засідання чи запис ще не відбулися; запишіть результат, коли вони відбудуться.
settings-title = Налаштування офісу
settings-paralegals-see-all = Помічники юристів бачать усі справи
settings-paralegals-see-all-hint = Якщо ввімкнено, помічники юристів можуть відкривати й читати всі справи, а не лише призначені їм. Змінювати вони можуть і далі лише призначені їм справи.
settings-saved = Налаштування збережено.

## --- search, conflict check and case list ---
nav-cases = Справи
search-title = Пошук
search-label = Ім'я, A-номер або номер справи
search-placeholder = Ім'я, A-номер, номер справи
search-hint = Імена знаходяться кирилицею чи латиницею і в будь-якому звичному написанні (Юлія, Yulia, Iuliia, Julia); щоб почати шукати ім'я, досить двох літер. A-номери — з дефісами чи без; номери справ — як R-2026-00042 або 2026-00042.
search-expired = Цей пошук уже не зберігається (пошуки зберігаються годину і не переживають перезапуску). Шукайте ще раз.
search-submit = Шукати
search-too-short = Введіть щонайменше дві літери імені, A-номер або номер справи.
search-count = { $count ->
    [one] { $count } збіг
    [few] { $count } збіги
    [many] { $count } збігів
   *[other] { $count } збігу
}
search-more = Показано лише { $count } найкращих, а збігів більше: додайте слово або шукайте за A-номером чи номером справи.
search-name = Ім'я
search-person = Особа
search-case = Справа
search-stage = Етап
search-date-of-birth = Дата народження
search-match = Збіг
search-of-client = клієнта { $name }
search-person-client = Клієнт
search-match-reference = Номер справи
search-match-a-number = A-номер
search-match-exact = Те саме написання
search-match-transliteration = Інше написання того самого імені
search-match-equivalent = Те саме ім'я іншою мовою
search-match-similar = Схоже написання
search-match-prefix = Починається з введеного
search-match-most-words = Збігаються всі слова, крім одного
conflict-title = Перевірка конфлікту інтересів
conflict-intro = Усі особи з інших справ офісу, чиє ім'я збігається з ім'ям цього клієнта чи члена його родини в будь-якому письмі чи написанні. Особи з тією самою датою народження — першими й позначені.
conflict-status = Перевірка конфлікту інтересів
conflict-status-unchecked = Ще не зафіксовано
conflict-status-clear = Конфлікту немає
conflict-status-conflict = Конфлікт
conflict-checked-by = Зафіксував(ла)
conflict-count = { $count ->
    [one] { $count } можливий збіг
    [few] { $count } можливі збіги
    [many] { $count } можливих збігів
   *[other] { $count } можливого збігу
}
conflict-none = В інших справах збігів імен немає.
conflict-same-date-of-birth = та сама дата народження
conflict-more = Збігів імен більше, ніж показано.
conflict-record-title = Зафіксувати результат
conflict-outcome = Результат
conflict-outcome-clear = Конфлікту немає
conflict-outcome-conflict = Конфлікт
conflict-reason = Причина (обов'язкова для конфлікту)
conflict-record-submit = Зафіксувати результат
conflict-next-consultation = Конфлікту не виявлено: справа може переходити до консультації.
conflict-move-to-consultation = Перевести на консультацію
conflict-recorded = Результат перевірки конфлікту інтересів зафіксовано.
case-list-title = Справи
case-list-count = { $count ->
    [one] { $count } справа
    [few] { $count } справи
   *[many] { $count } справ
}
case-list-empty = Справ ще немає.
case-list-all-filters = Усі справи, з фільтрами
case-list-reference = Номер
case-list-client = Клієнт
case-list-kind = Заява
case-list-lawyer = Юрист
case-list-paralegal = Помічник юриста
case-list-next-deadline = Найближчий строк
case-list-deadline = Строк
case-list-updated = Оновлено
case-list-due-today = строк сьогодні
case-list-days-left = { $days ->
    [one] залишився { $days } день
    [few] залишилося { $days } дні
   *[many] залишилося { $days } днів
}
case-list-scope = Показати
case-list-scope-mine = Мої справи
case-list-scope-all = Усі справи
case-list-any = Будь-який
case-list-anyone = Будь-хто
case-list-nationality = Громадянство
case-list-port = Пункт в'їзду
case-list-one-year-within = Річний строк протягом (днів)
case-list-hearing-within = Засідання протягом (днів)
case-list-not-updated = Відкриті справи без змін понад 60 днів
case-list-apply = Фільтрувати
case-list-reset = Скинути фільтри
case-list-days-invalid = Введіть кількість днів від 0 до { $max }.

## --- API ---

## --- demo data ---

## --- email notifications ---
email-greeting = Вітаємо, { $name }.
email-footer = Листи Refuge містять лише номери справ, дати й посилання, ніколи не імена й історії: щоб побачити справу, відкрийте посилання.
email-preferences = Оберіть, що отримувати
email-role-lawyer = відповідального юриста
email-role-paralegal = помічника юриста
email-case-assigned = Справу { $reference } призначено вам як { $role }.
email-stage-changed = Справу { $reference } переведено з «{ $from }» на «{ $to }».
email-reminder = Справа { $reference }: { $deadline } — { $date }, { $days ->
    [0] сьогодні
    [one] через { $days } день
    [few] через { $days } дні
   *[many] через { $days } днів
}.
email-court-recheck = { $count ->
    [one] У { $count } справі є засідання, не звірене
    [few] У { $count } справах є засідання, не звірені
   *[many] У { $count } справах є засідання, не звірені
} з судом за останні 7 днів:
email-court-recheck-case = { $reference }: засідання { $date }, { $verified }
email-court-verified-on = востаннє звірено { $date }
email-court-never-verified = жодного разу не звірено
email-client-initials = Клієнт: { $initials }
email-subject-case-assigned = Refuge: вам призначено справу { $reference }
email-subject-stage-changed = Refuge: у справі { $reference } змінився етап
email-subject-reminder = Refuge: справа { $reference }, строк { $days ->
    [0] сьогодні
    [one] через { $days } день
    [few] через { $days } дні
   *[many] через { $days } днів
}
email-subject-court-recheck = Refuge: дати засідань, які треба звірити з судом
email-subject-security-alert = Refuge: повторні відмови для одного облікового запису
email-security-alert = { $name } отримав(ла) відмову { $count ->
    [one] { $count } раз
    [few] { $count } рази
   *[many] { $count } разів
} за останню годину.
email-security-alert-check = Перегляньте події безпеки: помилка в адресі, роль, яку треба змінити, чи хтось пробує те, чого йому не можна.
email-subject-audit-seal = Refuge: печатка журналу аудиту за { $date }
email-audit-seal = { $date } ланцюжок журналу аудиту закінчився записом { $entry }. Його печатка:
email-audit-seal-keep = Збережіть цей лист. `refuge audit verify --seal { $seal }` покаже, чи змінено або вилучено відтоді будь-який запис до цього включно.
email-subject-digest = Refuge: щоденне зведення, { $count ->
    [one] { $count } оновлення
    [few] { $count } оновлення
   *[many] { $count } оновлень
}
email-digest-intro = { $count ->
    [one] { $count } оновлення
    [few] { $count } оновлення
   *[many] { $count } оновлень
} від попереднього зведення:
account-notifications-title = Сповіщення електронною поштою
account-notifications-hint = Оберіть, як до вас доходить кожен вид: одразу, одним зведенням на день (надсилається о { $time }, { $zone }) чи ніяк. Нагадування про річний строк і про строк апеляції вимкнути не можна.
account-notifications-submit = Зберегти вибір сповіщень
account-notifications-saved = Ваш вибір сповіщень збережено.
notification-kind-case-assigned = Мені призначено справу
notification-kind-stage-changed = Змінюється етап справи, де я відповідальний юрист
notification-kind-one-year-reminder = Річний строк подання: за 60, 30, 14, 7 і 1 день
notification-kind-hearing-reminder = Засідання, співбесіди й біометрія: за 14, 7 і 1 день
notification-kind-appeal-reminder = Строк апеляції до BIA: за 14, 7 і 2 дні
notification-kind-parole-reminder = Закінчення паролю (parole): за 90 і 60 днів
notification-kind-age-out-reminder = Дитині — похідному заявникові — протягом 120 днів виповнюється 21 рік
notification-kind-court-recheck = Щотижневий перелік дат засідань, які треба звірити з судом
notification-delivery-immediate = Одразу
notification-delivery-digest = Щоденне зведення
notification-delivery-off = Вимкнено
notification-cannot-turn-off = не можна вимкнути
validation-delivery = Оберіть: одразу, щоденне зведення чи вимкнено.
validation-delivery-required = Це нагадування не можна вимкнути.
nav-mail = Пошта
mail-title = Вихідна пошта
mail-intro = Листи, що чекають на надсилання, і листи, які не вдалося надіслати. Лист, який не вдається надіслати, пробують знову з дедалі більшими перервами протягом { $hours } год, а потім позначають як невдалий.
mail-pending-count = Очікують: { $count }
mail-failed-count = Невдалі: { $count }
mail-none = Нічого не очікує й нічого не зазнало невдачі.
mail-col-recipient = Одержувач
mail-col-subject = Тема
mail-col-status = Стан
mail-col-attempts = Спроби
mail-col-next = Наступна спроба
mail-col-error = Остання помилка
mail-col-created = Створено
mail-status-pending = Очікує
mail-status-failed = Невдалий
mail-retry = Надіслати знову
mail-retried = Лист незабаром буде надіслано знову.
home-mail-failed = { $count ->
    [one] { $count } лист не вдалося надіслати.
    [few] { $count } листи не вдалося надіслати.
   *[many] { $count } листів не вдалося надіслати.
}
home-mail-link = Переглянути вихідну пошту
home-backup-failed = Нічна резервна копія о { $time } не вдалася: { $reason }.
home-backup-overdue = Жодна нічна резервна копія не вдалася з { $time }.
home-backup-none = Нічні резервні копії ввімкнено, але жодна ще не вдалася.
home-backup-hint = Доки резервне копіювання не вдасться, в офісу немає свіжої копії: перевірте backup.directory і журнал сервера (README, «Backups and restoring»).
settings-email-initials = Додавати ініціали клієнта до листів-сповіщень
settings-email-initials-hint = Типово вимкнено: електронна пошта — небезпечний канал. Ініціали допомагають юристові одразу впізнати справу; імена, A-номери та громадянство не надсилаються ніколи.

## --- weekly reports ---
nav-reports = Звіти
report-title = Тижневий звіт про навантаження
report-so-far = поки що
report-weeks = Тижні
report-previous-week = Попередній тиждень
report-next-week = Наступний тиждень
report-at-a-glance = Тиждень коротко
report-this-week = Цей тиждень
report-last-week = Минулий тиждень
report-attention = Потребує уваги
report-waiting-conflict-check = Очікують перевірки конфлікту інтересів
report-waiting-decision = Після консультації, очікують рішення про договір чи відмову
report-details = Усі показники тижня
report-email-last-week = минулого тижня: { $count }
report-week = Тиждень
report-of = Навантаження
report-of-office = Увесь офіс
report-show = Показати
report-csv-summary = Завантажити таблиці (CSV)
report-csv-cases = Завантажити справи (CSV)
report-activity = Тиждень
report-new-inquiries = Нові звернення
report-intakes = Анкети (консультації)
report-retained = Договір укладено
report-declined = Відмовлено
report-closed = Закрито
report-withdrawn = Відкликано
report-grants = Надано притулок
report-stage-changes = Зміни етапів
report-none = Немає.
report-open = Відкриті справи на кінець тижня
report-open-total = Відкриті справи
report-chart-stages = Відкриті справи за етапами
report-by-stage = За етапом
report-by-kind = За видом заяви
report-by-lawyer = За юристом
report-by-paralegal = За помічником юриста
report-by-nationality = За громадянством
report-by-port = За пунктом в'їзду
report-not-recorded = Не вказано
report-ahead = Строки, засідання й прострочене
report-due-total = Справи зі строком чи засіданням протягом 30 днів після тижня
report-overdue = Прострочено
report-overdue-total = Справи з простроченим
report-overdue-one-year = Річний строк минув, I-589 не подано
report-overdue-appeal = Пропущено строк апеляції до BIA
report-overdue-hearing-outcome = Засідання відбулося, результат не записано
report-stale = Відкриті справи без змін понад 60 днів
report-unverified = Майбутні засідання, не звірені з судом цього тижня
report-trend = Дванадцять тижнів
report-chart-trend = Анкети й надання притулку за дванадцять тижнів
report-week-invalid = Введіть тиждень за ISO, наприклад 2026-W47.
report-week-future = Цей тиждень ще не почався.
report-figure-invalid = Невідомий показник звіту.
report-scope-invalid = Оберіть офіс або юриста.
report-scope-unknown = Такого юриста чи помічника юриста немає.
report-table-invalid = Таблиця CSV має бути "summary" або "cases".
report-email-subject-office = Тижневий звіт про навантаження { $week }: офіс
report-email-subject-own = Тижневий звіт про навантаження { $week }: ваші справи
report-email-intro = Тиждень { $week } (з { $from } до { $until }) коротко. Кожне число веде до своїх справ.
report-email-open-page = Відкрити повний звіт

## Issue 12 §6 (faults): malformed input, paging, mail leases
error-field-refused = «{ $field }»: { $reason }
mail-send-now = Надіслати зараз
mail-sent-now = Лист надіслано.
mail-not-sent-now = Зараз лист надіслати не вдалося; він чекає наступної спроби (див. помилку).
audit-action-mail-sent-now = Лист надіслано адміністратором негайно

## Issue 12 §3 (demo data): the banner of a demo office (`refuge demo`).
banner-demo-office = Демонстраційний офіс: усі люди, справи й повідомлення тут вигадані. Не вводьте справжніх даних клієнтів.

## Part audit-trail (issue 12 §4): the audit trail in words
audit-action-account-notifications-changed = Змінено вибір сповіщень
audit-action-access-denied = Доступ заборонено
audit-action-case-list-viewed = Переглянуто список справ
audit-action-search-run = Виконано пошук
audit-action-security-alert-sent = Адміністраторів попереджено про повторні відмови
audit-action-account-updated = Змінено власний обліковий запис
audit-action-api-token-created = Видано API-токен
audit-action-api-token-revoked = Відкликано API-токен
audit-action-case-checklist-item-added = Документ додано до переліку
audit-action-case-checklist-item-updated = Документ у переліку оновлено
audit-action-case-conflict-checked = Зафіксовано перевірку конфлікту інтересів
audit-action-case-conflict-searched = Виконано пошук конфлікту інтересів
audit-action-case-created = Справу відкрито
audit-action-case-dates-changed = Змінено ключові дати
audit-action-case-ead-clock-restarted = Відлік EAD відновлено
audit-action-case-ead-clock-stopped = Відлік EAD зупинено
audit-action-case-event-added = Додано засідання чи запис
audit-action-case-event-outcome-recorded = Записано результат засідання чи запису
audit-action-case-event-removed = Вилучено засідання чи запис
audit-action-case-i589-check-overridden = Подано з незаповненими пунктами I-589
audit-action-case-note-added = Додано примітку
audit-action-case-purged = Справу клієнта видалено (зберігання)
audit-action-case-stage-changed = Змінено етап
audit-action-case-updated = Змінено анкету
audit-action-case-viewed = Відкрито справу
audit-action-demo-data-loaded = Завантажено демонстраційні дані
audit-action-invitation-accepted = Запрошення прийнято
audit-action-login-failed = Невдалий вхід
audit-action-login-succeeded = Вхід
audit-action-login-throttled = Вхід заборонено: забагато спроб
audit-action-logout = Вихід
audit-action-mail-retried = Лист надіслано знову
audit-action-office-settings-changed = Змінено налаштування офісу
audit-action-password-changed = Змінено пароль
audit-action-report-exported = Звіт завантажено
audit-action-report-viewed = Звіт переглянуто
audit-action-setup-completed = Налаштовано першого адміністратора
audit-action-staff-created = Додано працівника
audit-action-staff-deactivated = Працівника деактивовано
audit-action-staff-password-reset = Пароль скинуто
audit-action-staff-reactivated = Працівника активовано знову
audit-action-staff-updated = Змінено працівника
audit-field-stage = Етап
audit-field-reference = Номер справи
audit-field-intake-complete = Анкета завершена
audit-field-demo-data = Демонстраційні дані
audit-field-with-note = З приміткою
audit-field-i589-missing-count = Незаповнених пунктів
audit-field-i589-missing-items = Незаповнені пункти
audit-field-conflict-outcome = Результат
audit-field-event-kind = Вид
audit-field-on = Дата
audit-field-corrected = Виправлено попередній результат
audit-field-checklist-status = Стан документа
audit-field-note = Примітка
audit-field-people-checked = Перевірено осіб
audit-field-matches = Збіги імен
audit-field-same-date-of-birth = Та сама дата народження
audit-field-channel = Через
audit-channel-html = вебсторінки
audit-channel-api = API
audit-field-reason = Причина
audit-reason-unknown-account = такого облікового запису немає
audit-reason-no-password = в облікового запису ще немає пароля
audit-reason-inactive = обліковий запис деактивовано
audit-reason-wrong-password = неправильний пароль
audit-field-retry-after = Секунд очікування
audit-field-route = Запитана адреса
audit-field-results = Результати
audit-field-search = Пошук за
audit-search-names = іменами
audit-search-numbers = номером справи або A-номером
audit-field-list = Справи
audit-field-refusals = Відмов за годину
audit-field-view = Сторінка
audit-view-audit-trail = Журнал аудиту справи
audit-field-export = Завантажено
audit-export-cases = Справи, по рядку на кожну
audit-export-summary = Показники звіту
audit-field-rows = Рядки
audit-refusal-role = не дозволено для ролі
audit-refusal-not-assigned = справу не призначено
audit-refusal-csrf = токен форми відсутній або неправильний
audit-refusal-second-factor = другий фактор відсутній або неправильний
audit-refusal-throttled = забагато спроб
audit-field-active = Активний
audit-field-invited = Запрошено електронною поштою
audit-field-figure = Показник
audit-field-figure-group = Група
audit-field-clients = Клієнти
audit-field-seed = Зерно генератора
audit-field-today = Станом на
audit-changed = змінено
audit-former-staff = колишній працівник
audit-case = Справа
audit-case-deleted = { $reference } (видалено)
audit-filter-case = Номер справи
audit-trail-title = Журнал аудиту справи { $reference }
audit-trail-back = Назад до справи
audit-trail-all = Увесь журнал аудиту цієї справи
validation-page = Введіть номер сторінки цілим числом.
validation-case-reference = Введіть номер справи, наприклад R-2026-00042.
audit-action-demo-data-removed = Демонстраційні дані вилучено
audit-field-staff-count = Облікові записи працівників
audit-field-cases = Справи
audit-field-audit-entries = Записи аудиту

# --- Issue 12 §2, deadlines a lawyer can trust: what satisfies each deadline (docs/deadlines.md)
deadline-green-card-eligible = Можна подавати на грін-карту (I-485)
deadline-child-ages-out-named = { $name } виповнюється 21 рік
case-dates-appeal-filed = Повідомлення про апеляцію (EOIR-26) подано
case-dates-i765-filed = Заяву на дозвіл на роботу (I-765) подано
case-dates-re-parole-filed = Запитано повторний пароль (re-parole)
case-dates-i730-filed = I-730 для родичів за кордоном подано
case-dates-i485-filed = Заяву на грін-карту (I-485) подано
case-dates-satisfies-hint = Дата подання закриває строк, на який вона відповідає: повідомлення про апеляцію — строк BIA, повторний пароль — дати паролю, I-765 — дату 150-го дня, I-730 та I-485 — свої власні.
validation-appeal-before-decision = Апеляцію не можна подати раніше за рішення судді.
validation-filed-before-grant = Це подають після надання притулку: вкажіть дату надання і дату не раніше за неї.

## Issue 12 §1 (saved-forms): nothing typed is ever lost
held-sign-in-again = Ваш сеанс завершився до збереження форми. Нічого не збережено, але введене зберігається: увійдіть знову, і його буде повернуто у форму.
held-restored = Ваш сеанс завершився, тому цю форму не збережено. Введене повернуто: перевірте й збережіть знову.
session-expiry-warning = Через дві хвилини вас буде виведено з системи, якщо ви не продовжите роботу. Введене ще не збережено.
session-stay = Залишитися в системі
session-ended-unsaved = Можливо, ваш сеанс завершився. Все одно натисніть «Зберегти»: нічого з введеного не загубиться, а за потреби вас попросять увійти знову.
intake-autosaved = Чернетку збережено автоматично.
intake-autosave-problems = Не збережено автоматично: у формі є помилки, їх буде показано під час збереження.

## My sessions, previous sign-in (issue 13)
api-not-a-session = Цей запит надіслано не із сеансу браузера, у якому виконано вхід.
sessions-title = Мої сеанси
sessions-hint = Усі браузери, у яких виконано вхід у ваш обліковий запис. Якщо якийсь вам незнайомий, завершіть його і змініть пароль.
sessions-device = Браузер і система
sessions-address = Адреса
sessions-signed-in = Вхід
sessions-last-seen = Остання активність
sessions-browser-unknown = Невідомий браузер
sessions-on-system = на { $system }
sessions-this-one = (цей браузер)
sessions-address-unknown = невідома
sessions-end = Завершити
sessions-end-this = Вийти тут
sessions-end-others = Вийти на всіх інших пристроях
sessions-end-others-hint = Завершує всі інші сеанси й відкликає ваші API-токени; у цьому браузері ви залишаєтеся в системі.
account-session-ended = Сеанс завершено.
account-sessions-ended = Усі інші сеанси завершено, ваші API-токени відкликано.
home-previous-sign-in = Ваш попередній вхід: { $time } (адреса: { $address }).
staff-end-sessions = Завершити всі сеанси
staff-sessions-ended = Усі сеанси й API-токени цієї людини завершено. Обліковий запис залишається активним.
audit-action-session-ended = Сеанс завершено його власником
audit-action-session-others-ended = Вихід на всіх інших пристроях
audit-action-staff-sessions-ended = Усі сеанси завершено адміністратором
audit-field-current-session = Поточний сеанс
audit-field-sessions-ended = Завершено сеансів
audit-action-account-locked = Обліковий запис заблоковано (екстрене блокування)
audit-action-account-unlocked = Обліковий запис розблоковано адміністратором
audit-action-account-lock-link-requested = Запитано посилання для блокування
audit-reason-locked = обліковий запис заблоковано
login-locked = Цей обліковий запис заблоковано (екстрене блокування). Перш ніж ви зможете увійти, його має розблокувати адміністратор.
lock-title = Заблокувати мій обліковий запис
lock-request-intro = Загубили телефон чи ноутбук, або його забрали? Введіть робочу адресу пошти: ми надішлемо на неї посилання для блокування. Якщо відкрити його й підтвердити, ваш обліковий запис буде одразу заблоковано, доки його не розблокує адміністратор.
lock-request-submit = Надіслати мені посилання для блокування
lock-request-sent = Якщо ця адреса належить обліковому запису працівника, посилання для блокування вже надіслано на неї.
lock-request-link = Запитати нове посилання для блокування
lock-confirm-intro = Заблокувати цей обліковий запис зараз? Усі сеанси й API-токени буде одразу завершено, і ніхто не зможе увійти, доки адміністратор його не розблокує.
lock-confirm-submit = Заблокувати обліковий запис
lock-confirm-expired = Ця сторінка застаріла або надійшла не з цього сайту, тому обліковий запис ще не заблоковано. Натисніть кнопку ще раз, щоб заблокувати його.
lock-done = Обліковий запис заблоковано. Усі сеанси завершено, адміністраторів повідомлено. Коли будете в безпеці, попросіть одного з них розблокувати його.
lock-link-unusable = Це посилання для блокування вже використано або воно прострочене.
lock-account-title = Екстрене блокування
lock-account-hint = Якщо ваш пристрій загубився чи його забрали, посилання для блокування заблокує ваш обліковий запис з будь-якого браузера, без входу. Ним закінчується кожен лист від Refuge; також його можна створити тут і зберігати в безпечному місці (на папері чи в менеджері паролів на іншому пристрої). Посилання для блокування може лише блокувати.
lock-account-link-label = Ваше посилання для блокування (показується один раз)
lock-account-link-submit = Створити посилання для блокування
staff-locked-since = Заблоковано з { $time }
staff-unlock = Розблокувати обліковий запис
staff-unlocked = Обліковий запис розблоковано. Людина входить зі своїм паролем.
email-lock-footer = Загубили пристрій чи його забрали? Негайно заблокуйте свій обліковий запис Refuge за цим посиланням (воно може лише блокувати):
email-subject-lock-link = Ваше посилання для блокування
email-lock-link-intro = Хтось запитав посилання для блокування вашого облікового запису Refuge. Відкрийте його й підтвердьте, щоб одразу заблокувати обліковий запис.
email-lock-link-not-you = Якщо ви його не запитували, не зважайте на цей лист: нічого не станеться, доки посилання не відкриють і не підтвердять.
email-lock-link-label = Заблокувати мій обліковий запис
email-subject-account-locked = Обліковий запис працівника заблоковано
email-account-locked = Обліковий запис { $name } заблоковано посиланням для екстреного блокування { $time } з адреси { $address }.
email-account-locked-unlock = Розблокуйте його на сторінці працівників, коли поговорите з цією людиною.
login-lock-link = Загубили пристрій? Заблокуйте обліковий запис

## Two-factor sign-in (issue 13)
second-factor-login-title = Другий крок: ваш код
second-factor-login-hint = Відкрийте застосунок-автентифікатор і введіть шестизначний код, який він показує для Refuge. Якщо телефона немає під рукою, введіть натомість один із резервних кодів.
second-factor-login-submit = Продовжити
second-factor-someone-else = Увійти як інша людина
second-factor-required-intro = Ваш офіс вимагає другого фактора для входу. Налаштуйте його зараз: це займе хвилину.
second-factor-enrol-step-app = Встановіть на телефон застосунок-автентифікатор (наприклад, FreeOTP, Aegis, Google Authenticator чи Microsoft Authenticator).
second-factor-enrol-step-scan = Відскануйте цей код застосунком.
second-factor-enrol-secret = Або введіть у застосунок цей ключ:
second-factor-enrol-step-code = Введіть шестизначний код, який тепер показує застосунок.
second-factor-enrol-submit = Увімкнути другий фактор
field-second-factor-code = Код
second-factor-wrong-code = Код неправильний або вже використаний. Дочекайтеся наступного коду й спробуйте ще раз.
second-factor-already-enrolled = Для цього облікового запису другий фактор уже налаштовано.
second-factor-not-enrolled = Для цього облікового запису другий фактор ще не налаштовано.
second-factor-recovery-title = Ваші резервні коди
second-factor-recovery-once = Запишіть або надрукуйте ці коди зараз і зберігайте в безпечному місці: їх показано лише цей один раз.
second-factor-recovery-hint = Кожен код дає змогу один раз увійти, коли телефона немає під рукою. Якщо створити нові коди, ці перестануть діяти.
second-factor-recovery-continue = Я їх зберіг(ла) — продовжити
second-factor-recovery-gone = Ці резервні коди було показано один раз, і більше вони не показуються. Якщо ви їх не зберегли, створіть нові на сторінці другого фактора: нові коди замінять старі.
second-factor-recovery-continue-gone = Продовжити
second-factor-account-title = Другий фактор
second-factor-account-link = Налаштувати другий фактор або керувати ним
second-factor-account-intro = З другим фактором для входу потрібні пароль і код із застосунку на телефоні.
second-factor-account-enrolled = Другий фактор налаштовано: під час входу запитується код із застосунку.
second-factor-recovery-left = Невикористаних резервних кодів: { $count }
second-factor-regenerate = Створити нові резервні коди
second-factor-account-reset-hint = Загубили телефон? Попросіть адміністратора скинути ваш другий фактор; під час наступного входу ви налаштуєте новий.
second-factor-policy-everyone = Обов'язковий для всіх
second-factor-policy-admins-and-lawyers = Обов'язковий для адміністраторів і юристів
second-factor-policy-optional = Необов'язковий
settings-second-factor-policy = Другий фактор під час входу
settings-second-factor-policy-hint = Працівники, які мусять мати другий фактор, але не мають його, налаштують його під час наступного входу.
validation-second-factor-policy = Оберіть одне з правил щодо другого фактора.
staff-reset-second-factor = Скинути другий фактор
api-otp-required = Цей обліковий запис має другий фактор: надішліть поточний код із застосунку як "otp".
audit-action-second-factor-enrolled = Налаштовано другий фактор
audit-action-second-factor-failed = Неправильний код другого фактора
audit-action-second-factor-reset = Другий фактор скинуто
audit-action-second-factor-throttled = Другий крок заборонено: забагато спроб
audit-action-second-factor-recovery-code-used = Використано резервний код
audit-action-second-factor-recovery-codes-regenerated = Створено нові резервні коди
audit-reason-wrong-code = неправильний код
audit-reason-code-reused = код уже використано
audit-reason-wrong-recovery-code = неправильний резервний код
audit-reason-no-code = немає коду
audit-field-recovery-codes = Залишилося резервних кодів

## Retention (issue 14)
settings-retention-years = Видаляти справи закритих клієнтів через стільки років
settings-retention-years-hint = Залиште порожнім, щоб зберігати всі справи. Якщо вказано, справу належить видалити через стільки повних років після того, як її закрито, відкликано чи в ній відмовлено; адміністратори щотижня отримують перелік, і нічого не видаляється, доки один із них не підтвердить.
validation-retention-years = Введіть ціле число років від 1 до { $max } або залиште поле порожнім, щоб зберігати всі справи.
retention-title = Справи, які належить видалити
retention-off = Офіс зберігає справи всіх клієнтів: строк зберігання не встановлено.
retention-rule = Справи належить видалити через { $years ->
    [one] { $years } рік
    [few] { $years } роки
   *[many] { $years } років
} після того, як їх закрито, відкликано чи в них відмовлено.
retention-none-due = Немає справ, які належить видалити.
retention-intro = Ці справи закрито раніше, ніж офіс зберігає справи. Видалення назавжди вилучає клієнта, родину, маршрут, в'їзд та історію переслідувань, справу з її історією, примітками й листами; у журналі аудиту залишається запис із номером справи.
retention-col-delete = Видалити
retention-col-reference = Номер
retention-col-stage = Етап
retention-col-closed = Закрито
retention-confirm-hint = Зніміть позначку зі справи, щоб поки що її зберегти. Справу, відновлену після показу цієї сторінки, не буде видалено.
retention-confirm = Назавжди видалити позначені справи
retention-purged = { $count ->
    [one] Видалено { $count } справу.
    [few] Видалено { $count } справи.
   *[many] Видалено { $count } справ.
}
retention-none-selected = Жодну справу не видалено.
retention-bad-case = Надісланий перелік не такий, який створює ця сторінка. Відкрийте сторінку ще раз.
email-subject-retention = Refuge: { $count ->
    [one] { $count } справу клієнта
    [few] { $count } справи клієнтів
   *[many] { $count } справ клієнтів
} належить видалити
email-retention-headline = { $count ->
    [one] { $count } справу закрито
    [few] { $count } справи закрито
   *[many] { $count } справ закрито
} понад { $years ->
    [one] { $years } рік
    [few] { $years } роки
   *[many] { $years } років
} тому. Нічого не буде видалено, доки адміністратор не підтвердить перелік:
email-retention-line = { $reference }, закрито { $closed }
email-retention-link = Переглянути й підтвердити перелік

## Issue 15: the public inquiry form (settings) and triage
nav-triage = Розгляд звернень
language-uk = Українська
language-es = Español
settings-inquiry-form = Публічна форма звернення
settings-inquiry-form-hint = Тоді будь-хто зможе попросити офіс про допомогу за цією адресою англійською, російською, українською чи іспанською мовою без входу в систему; юристи й адміністратори опрацьовують відповіді на сторінці розгляду звернень.
settings-office-name = Назва офісу
settings-office-name-hint = Показується вгорі публічної форми звернення та в кінці листів, які вона надсилає.
audit-action-inquiry-taken = Звернення прийнято
audit-action-inquiry-merged = Звернення приєднано до справи
audit-action-inquiry-declined = У зверненні відмовлено
audit-action-triage-viewed = Переглянуто чергу звернень
audit-field-source = Джерело
audit-source-web-form = Публічна форма звернення
audit-field-merged-into = Приєднано до
audit-field-reply-sent = Відповідь надіслано
triage-title = Розгляд: нові звернення
triage-waiting = { $count ->
    [one] Очікує { $count } звернення; найтерміновіші — першими.
    [few] Очікують { $count } звернення; найтерміновіші — першими.
   *[many] Очікують { $count } звернень; найтерміновіші — першими.
}
triage-empty = Звернень, що очікують, немає.
triage-not-urgent = Не терміново.
triage-reason-one-year-passed = Річний строк подання минув { $date }
triage-reason-one-year-soon = Річний строк подання { $date }, через { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[many] { $days } днів
}
triage-reason-one-year-today = Річний строк подання спливає сьогодні, { $date }
triage-reason-hearing-today = Судове засідання сьогодні, { $date }
triage-reason-hearing-past = Судове засідання було { $date } ({ $days ->
    [one] { $days } день тому
    [few] { $days } дні тому
   *[many] { $days } днів тому
})
triage-reason-detained = Під вартою
triage-reason-hearing-soon = Судове засідання { $date } (через { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[many] { $days } днів
})
triage-received = Отримано
triage-duplicates = Можливі дублікати
triage-possibly-same = Можливо, та сама особа, що й у { $reference }
triage-this-inquiry = Це звернення
triage-also-inquiry = теж звернення
triage-take-lawyer = Відповідальний юрист
triage-take = Прийняти (на перевірку конфлікту інтересів)
triage-merge-into = Справа, до якої воно належить
triage-merge = Приєднати до цієї справи
triage-decline-reason = Причина відмови
triage-decline-reply = Надіслати коротку, доброзичливу відповідь їхньою мовою на безпечну адресу пошти
triage-decline = Відмовити
triage-done-taken = { $reference } прийнято, воно на перевірці конфлікту інтересів.
triage-done-merged = { $reference } приєднано; його відповіді стали приміткою в іншій справі.
triage-done-declined = У { $reference } відмовлено.
triage-already-decided = Це звернення вже прийнято, приєднано або в ньому відмовлено.
triage-merge-unknown = Іншої справи з таким номером немає.
triage-merge-not-open = Цю справу відхилено, відкликано або закрито: спершу відкрийте її знову або прийміть звернення як нову справу.
triage-merge-note-title = Відповіді вебзвернення { $reference }, приєднаного до цієї справи:
triage-taken-note-title = Відповіді вебзвернення { $reference }, прийнятого як ця справа:
triage-merged-stage-note = Приєднано до { $reference }
report-web-inquiries = Вебзвернення
report-web-inquiries-received = { $count ->
    [one] Через публічну форму надійшло { $count } звернення.
    [few] Через публічну форму надійшло { $count } звернення.
   *[many] Через публічну форму надійшло { $count } звернень.
}
report-web-inquiries-median = Медіанний час до першої дії: { $minutes } хв.
report-web-inquiries-none-acted = Жодне з них ще не опрацьовано.
