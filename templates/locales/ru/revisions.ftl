# Client revisions of the case file: answers from a questionnaire link, reviewed field by field.

audit-action-case-revision-submitted = Клиент прислал ответы на проверку
audit-action-case-revision-viewed = Ответы клиента открыты для проверки
audit-action-case-revision-reviewed = Ответы клиента проверены
audit-field-revision-accepted = Принято
audit-field-revision-edited = Исправлено
audit-field-revision-rejected = Отклонено

revision-waiting = Ответы клиента ждут проверки (присланы { $submitted })
revision-title = Ответы клиента по делу { $reference }
revision-submitted = Присланы { $at }
revision-language = Язык ответов
revision-intro = Показаны только ответы, которые отличаются от дела. Для каждого примите ответ клиента, исправьте его перед внесением в дело или отклоните, чтобы оставить то, что в деле.
revision-nothing-new = Все ответы совпадают с делом: решать нечего.
revision-on-file = В деле
revision-client-answer = Ответ клиента
revision-accept = Принять
revision-edit = Исправить
revision-reject = Отклонить
revision-edited-value = Исправленный ответ
revision-apply = Применить решения
revision-accept-rest = Принять все нерешённые и применить
revision-reject-rest = Отклонить все нерешённые и применить
revision-decided-by-lawyers = Что внести в дело, решает юрист.
revision-reviewed-by = Проверил(а) { $name }, { $at }.
revision-accepted = Принято
revision-edited = Исправлено
revision-rejected = Отклонено
revision-undecided = Выберите: принять, исправить или отклонить.
revision-already-reviewed = Эти ответы уже проверены; ничего не изменено.
