# Часть A.I формы I-589 в деле: пункты о заявителе, которых не было в данных клиента.
# Номера пунктов — как в самой форме (форма на английском).

i589a-section = О заявителе (I-589, часть A.I)
i589a-section-intro = Остальные пункты части A.I. Если у заявителя нет номера социального страхования или онлайн-аккаунта, пишите NONE. Другие языки, которыми заявитель свободно владеет (пункт 25), — это языки клиента выше или, если их нет, отметка ниже; номер I-94 (пункт 19b) — в разделе о въезде.
i589a-heading-numbers = Номера
i589a-heading-mailing = Почтовый адрес
i589a-heading-origin = Происхождение и вера
i589a-heading-immigration = Иммиграционная история
i589a-heading-languages = Языки

i589a-ssn = 2. Номер социального страхования США (SSN)
i589a-ssn-hint = Девять цифр или NONE.
i589a-uscis-account = 3. Номер онлайн-аккаунта USCIS
i589a-uscis-account-hint = Двенадцать цифр или NONE.
i589a-mailing-same = 9. Почтовый адрес совпадает с адресом проживания
i589a-mailing-in-care-of = 9. Для передачи (in care of)
i589a-mailing-phone = 9. Телефон по почтовому адресу
i589a-mailing-street = 9. Номер дома и улица
i589a-mailing-apartment = 9. Номер квартиры
i589a-mailing-city = 9. Город
i589a-mailing-state = 9. Штат
i589a-mailing-zip = 9. Почтовый индекс (ZIP)
i589a-marital-status = 11. Семейное положение
i589a-city-of-birth = 13. Город рождения
i589a-nationality-at-birth = 15. Гражданство при рождении
i589a-ethnic-group = 16. Раса, этническая или племенная группа
i589a-religion = 17. Религия
i589a-court-proceedings = 18. Производство в иммиграционном суде
proceedings-never = Никогда не было
proceedings-now = Идёт сейчас
proceedings-past = Сейчас нет, но было в прошлом
i589a-left-home-country = 19a. Дата, когда заявитель в последний раз покинул свою страну
i589a-travel-document-country = 20. Страна, выдавшая последний паспорт или проездной документ
i589a-native-language = 23. Родной язык
i589a-native-dialect = 23. Диалект, если есть
i589a-fluent-in-english = 24. Свободно говорит по-английски
i589a-no-other-languages = 25. Других языков, которыми свободно владеет, нет (NONE)

i589a-entries = Въезды в США (I-589, пункт 19c)
i589a-entries-intro = Каждый въезд, начиная с последнего: у заявителя на убежище есть хотя бы один.
i589a-entry = Въезд { $number }
i589a-entry-arrived = 19c. Дата въезда
i589a-entry-place = 19c. Место въезда
i589a-entry-status = 19c. Статус при въезде
i589a-entry-status-expires = 19c. Дата окончания статуса
i589a-entry-add = Добавить въезд
i589a-entry-up = Переместить въезд { $number } выше
i589a-entry-remove = Удалить въезд { $number }
i589a-entries-none = Въезды пока не записаны.

validation-uscis-account = В номере онлайн-аккаунта USCIS двенадцать цифр; если его нет, напишите NONE.
validation-zip = Почтовый индекс — пять цифр или пять и четыре (12345-6789).
validation-mailing-same-but-given = Ниже указан почтовый адрес: ответьте «нет» или сотрите адрес.
validation-status-expires-before-entry = Статус не может закончиться раньше въезда.
validation-us-entries-order = Перечисляйте въезды начиная с последнего: этот позже предыдущего в списке.
