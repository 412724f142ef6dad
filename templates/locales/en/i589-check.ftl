# The I-589 completeness check (issue 16): the form's parts as the check groups missing items.
i589-check-part-a-i = Part A.I: about you
i589-check-part-a-ii = Part A.II: your spouse and children
i589-check-part-a-iii = Part A.III: your background
i589-check-part-b = Part B: the claim
i589-check-part-c = Part C: additional information
i589-check-part-d = Part D: your signature
# The case page's summary of the check.
i589-check-ready = I-589: { $ready } of { $total } items ready
i589-check-complete = Every item of the I-589 that the case file asks is answered.
i589-check-missing-intro = Missing, by part of the form (each link opens the intake at its field):
# Consistency warnings: they do not stop a filing. $name is the person as written on file.
i589-check-warnings = To check before filing
i589-warning-no-native-name = { $name }: no name in the native alphabet
i589-warning-ineligible-derivative = { $name } is marked to be included in the application but cannot be (married, 21 or over, or outside the U.S.)
i589-warning-late-filing-denied = C.5 says the application is not filed more than a year after the last arrival, but the one-year deadline has passed
i589-warning-timely-filing-marked-late = C.5 says the application is filed more than a year after the last arrival, but the one-year deadline has not passed
i589-warning-last-arrival-differs = The last arrival date (A.I.19c) is not the date of the most recent entry into the U.S. in the list of entries
i589-warning-birth-dates-differ = { $name }: the date of birth is written differently in two places
i589-warning-names-differ = { $name }: the name is written differently in two places
i589-warning-relative-not-in-background = { $name } is a parent or sibling in the family list but not in Part A.III.5, which is what the I-589 prints: add them there
# Moving a case to "filed" while items are missing (issue 16): refused, unless a lawyer writes
# why the application is filed anyway.
i589-filing-refused = Not filed: the I-589 still has { $count ->
    [one] { $count } item
   *[other] { $count } items
} missing. Fill them in first, or a lawyer may file anyway with a written reason.
i589-filing-refused-items = Missing, by part of the form:
i589-override-reason = Reason to file with items missing (lawyers only)
i589-override-reason-hint = Only when filing: the reason is kept with the case and shown on it.
i589-override-reason-required = To file with items missing, write the reason here.
i589-overrides-title = Filed with items missing
i589-override-line = Filed with { $count ->
    [one] { $count } item
   *[other] { $count } items
} missing — overridden by { $name } on { $date }
