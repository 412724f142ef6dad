# Client revisions of the case file: answers from a questionnaire link, reviewed field by field.

audit-action-case-revision-submitted = Клієнт надіслав відповіді на перевірку
audit-action-case-revision-viewed = Відповіді клієнта відкрито для перевірки
audit-action-case-revision-reviewed = Відповіді клієнта перевірено
audit-field-revision-accepted = Прийнято
audit-field-revision-edited = Виправлено
audit-field-revision-rejected = Відхилено

revision-waiting = Відповіді клієнта чекають на перевірку (надіслано { $submitted })
revision-title = Відповіді клієнта у справі { $reference }
revision-submitted = Надіслано { $at }
revision-language = Мова відповідей
revision-intro = Показано лише відповіді, що відрізняються від справи. Для кожної прийміть відповідь клієнта, виправте її перед внесенням до справи або відхиліть, щоб залишити те, що у справі.
revision-nothing-new = Усі відповіді збігаються зі справою: вирішувати нічого.
revision-on-file = У справі
revision-client-answer = Відповідь клієнта
revision-accept = Прийняти
revision-edit = Виправити
revision-reject = Відхилити
revision-edited-value = Виправлена відповідь
revision-apply = Застосувати рішення
revision-accept-rest = Прийняти всі невирішені та застосувати
revision-reject-rest = Відхилити всі невирішені та застосувати
revision-decided-by-lawyers = Що внести до справи, вирішує юрист.
revision-reviewed-by = Перевірив(ла) { $name }, { $at }.
revision-accepted = Прийнято
revision-edited = Виправлено
revision-rejected = Відхилено
revision-undecided = Оберіть: прийняти, виправити чи відхилити.
revision-already-reviewed = Ці відповіді вже перевірено; нічого не змінено.
