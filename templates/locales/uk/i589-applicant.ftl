# Частина A.I форми I-589 у справі: пункти про заявника, яких не було в даних клієнта.
# Номери пунктів — як у самій формі (форма англійською).

i589a-section = Про заявника (I-589, частина A.I)
i589a-section-intro = Решта пунктів частини A.I. Якщо в заявника немає номера соціального страхування чи онлайн-акаунта, пишіть NONE. Інші мови, якими заявник вільно володіє (пункт 25), — це мови клієнта вище або, якщо їх немає, позначка нижче; номер I-94 (пункт 19b) — у розділі про в’їзд.
i589a-heading-numbers = Номери
i589a-heading-mailing = Поштова адреса
i589a-heading-origin = Походження та віра
i589a-heading-immigration = Імміграційна історія
i589a-heading-languages = Мови

i589a-ssn = 2. Номер соціального страхування США (SSN)
i589a-ssn-hint = Дев’ять цифр або NONE.
i589a-uscis-account = 3. Номер онлайн-акаунта USCIS
i589a-uscis-account-hint = Дванадцять цифр або NONE.
i589a-mailing-same = 9. Поштова адреса збігається з адресою проживання
i589a-mailing-in-care-of = 9. Для передачі (in care of)
i589a-mailing-phone = 9. Телефон за поштовою адресою
i589a-mailing-street = 9. Номер будинку та вулиця
i589a-mailing-apartment = 9. Номер квартири
i589a-mailing-city = 9. Місто
i589a-mailing-state = 9. Штат
i589a-mailing-zip = 9. Поштовий індекс (ZIP)
i589a-marital-status = 11. Сімейний стан
i589a-city-of-birth = 13. Місто народження
i589a-nationality-at-birth = 15. Громадянство при народженні
i589a-ethnic-group = 16. Раса, етнічна чи племінна група
i589a-religion = 17. Релігія
i589a-court-proceedings = 18. Провадження в імміграційному суді
proceedings-never = Ніколи не було
proceedings-now = Триває зараз
proceedings-past = Зараз немає, але було в минулому
i589a-left-home-country = 19a. Дата, коли заявник востаннє виїхав зі своєї країни
i589a-travel-document-country = 20. Країна, що видала останній паспорт чи проїзний документ
i589a-native-language = 23. Рідна мова
i589a-native-dialect = 23. Діалект, якщо є
i589a-fluent-in-english = 24. Вільно володіє англійською
i589a-no-other-languages = 25. Інших мов, якими вільно володіє, немає (NONE)

i589a-entries = В’їзди до США (I-589, пункт 19c)
i589a-entries-intro = Кожен в’їзд, починаючи з останнього: у заявника на притулок є принаймні один.
i589a-entry = В’їзд { $number }
i589a-entry-arrived = 19c. Дата в’їзду
i589a-entry-place = 19c. Місце в’їзду
i589a-entry-status = 19c. Статус під час в’їзду
i589a-entry-status-expires = 19c. Дата закінчення статусу
i589a-entry-add = Додати в’їзд
i589a-entry-up = Перемістити в’їзд { $number } вище
i589a-entry-remove = Видалити в’їзд { $number }
i589a-entries-none = В’їзди ще не записані.

validation-uscis-account = Номер онлайн-акаунта USCIS має дванадцять цифр; якщо його немає, напишіть NONE.
validation-zip = Поштовий індекс — п’ять цифр або п’ять і чотири (12345-6789).
validation-mailing-same-but-given = Нижче вказано поштову адресу: дайте відповідь «ні» або зітріть адресу.
validation-status-expires-before-entry = Статус не може закінчитися раніше за в’їзд.
validation-us-entries-order = Перелічуйте в’їзди починаючи з останнього: цей пізніший за попередній у списку.
