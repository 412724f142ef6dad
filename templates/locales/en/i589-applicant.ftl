# I-589 Part A.I in the case file: the items about the applicant that the client's details
# did not hold. Item numbers are the form's own (the form is in English).

i589a-section = About the applicant (I-589 Part A.I)
i589a-section-intro = The rest of Part A.I. Write NONE where the applicant has no Social Security Number or online account. Other languages spoken fluently (item 25) are the client's languages above or, if none, the box below; the I-94 number (item 19b) is in the entry section.
i589a-heading-numbers = Numbers
i589a-heading-mailing = Mailing address
i589a-heading-origin = Origin and beliefs
i589a-heading-immigration = Immigration history
i589a-heading-languages = Languages

i589a-ssn = 2. U.S. Social Security Number
i589a-ssn-hint = Nine digits, or NONE.
i589a-uscis-account = 3. USCIS online account number
i589a-uscis-account-hint = Twelve digits, or NONE.
i589a-mailing-same = 9. Mailing address same as residence
i589a-mailing-in-care-of = 9. In care of
i589a-mailing-phone = 9. Telephone at the mailing address
i589a-mailing-street = 9. Street number and name
i589a-mailing-apartment = 9. Apartment number
i589a-mailing-city = 9. City
i589a-mailing-state = 9. State
i589a-mailing-zip = 9. ZIP code
i589a-marital-status = 11. Marital status
i589a-city-of-birth = 13. City of birth
i589a-nationality-at-birth = 15. Nationality at birth
i589a-ethnic-group = 16. Race, ethnic or tribal group
i589a-religion = 17. Religion
i589a-court-proceedings = 18. Immigration court proceedings
proceedings-never = Never been in proceedings
proceedings-now = Now in proceedings
proceedings-past = Not now, but in the past
i589a-left-home-country = 19a. Date the applicant last left their country
i589a-travel-document-country = 20. Country that issued the last passport or travel document
i589a-native-language = 23. Native language
i589a-native-dialect = 23. Dialect, if any
i589a-fluent-in-english = 24. Fluent in English
i589a-no-other-languages = 25. No other languages spoken fluently (NONE)

i589a-entries = Entries into the United States (I-589 item 19c)
i589a-entries-intro = Every entry, the most recent first: an asylum applicant has at least one.
i589a-entry = Entry { $number }
i589a-entry-arrived = 19c. Date of entry
i589a-entry-place = 19c. Place of entry
i589a-entry-status = 19c. Status at entry
i589a-entry-status-expires = 19c. Date the status expires
i589a-entry-add = Add an entry
i589a-entry-up = Move entry { $number } up
i589a-entry-remove = Remove entry { $number }
i589a-entries-none = No entries recorded yet.

validation-uscis-account = A USCIS online account number has twelve digits; write NONE if there is none.
validation-zip = A ZIP code has five digits, or five and four (12345-6789).
validation-mailing-same-but-given = A mailing address is typed below: answer “no”, or clear the address.
validation-status-expires-before-entry = The status cannot expire before the entry.
validation-us-entries-order = List the entries from the most recent: this one is later than the one above it.
