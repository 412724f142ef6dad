# Refuge — English catalogue. Every key here must exist in the ru, uk and es catalogues too (tested).

## Navigation and shared words
nav-skip = Skip to content
nav-menu = Menu
nav-label = Main
nav-home = Home
nav-new-intake = New intake
nav-settings = Office settings
nav-staff = Staff
nav-audit = Audit log
nav-account = My account
nav-logout = Sign out
save = Save
form-errors-title = Please correct the following
form-expired = This form had expired or did not come from this site, so nothing was sent. Check what is filled in and send it again.
form-expired-password = This form had expired or did not come from this site, so nothing was saved. Type the password again and send the form once more.
pagination-label = Pages
pagination-previous = Previous
pagination-next = Next
pagination-page = Page

## Fields
field-email = Email
field-password = Password
field-new-password = New password
field-password-confirm = Repeat the password
field-current-password = Current password
field-initial-password = Password (optional)
field-display-name = Name
field-language = Language
field-role = Role
field-status = Status
field-created = Created
password-hint = At least 12 characters. A short sentence you will remember works well; common passwords are refused.

## Roles and languages
role-admin = Administrator
role-lawyer = Lawyer
role-paralegal = Paralegal
language-en = English
language-ru = Русский

## Sign in
login-title = Sign in
login-submit = Sign in
login-invalid-credentials = Wrong email or password.
login-form-expired = This sign-in form had expired or did not come from this site, so nothing was sent. Enter your password and sign in again.
login-no-account-yet = No staff account exists yet. When Refuge started it printed a link for creating the first administrator, in the terminal or the server log where it runs ("Create the first admin account here"); open that link. Restarting Refuge prints a fresh one.
login-signed-out = You have signed out.

## First-run setup
setup-title = Set up Refuge
setup-intro = No staff account exists yet. Create the first administrator account; it can then add the rest of the office.
setup-submit = Create administrator account

## Invitations and password resets
invitation-title = Choose your password
invitation-intro = Welcome, { $name }. Choose a password to finish setting up your account.
invitation-submit = Save password and sign in

## Home
home-title = Home
home-greeting = Hello, { $name }
home-cases-title = My cases
home-cases-empty = Case intake arrives in the next release; your cases will be listed here.
home-admin-title = Office administration

## Own account
account-title = My account
account-language-title = Language
account-language-saved = Your language has been saved.
account-password-title = Change password
account-password-hint = Changing your password signs you out everywhere else and revokes your API tokens.
account-password-submit = Change password
account-password-saved = Your password has been changed. Other sessions have been signed out.

## Staff administration
staff-title = Staff
staff-add = Add a staff member
staff-active = Active
staff-inactive = Deactivated
staff-invited = Invited, not yet accepted
staff-invitation-expired = Invitation expired: reset the password to send a new link
staff-reset-pending = Password reset, waiting for a new password
staff-reset-expired = Password reset link expired: reset it again
staff-created = The account has been created.
staff-saved = Saved.
staff-change-role = Role
staff-access = Access
staff-access-hint = Deactivating or resetting a password ends the person's sessions and API tokens at once.
staff-deactivate = Deactivate
staff-reactivate = Reactivate
staff-reset-password = Reset password
staff-password-reset-done = The password has been cleared. Give the person the link below to choose a new one.
staff-password-reset-link-gone = The password has been cleared. Its link was shown once and is not shown again: reset the password again for a new one.
staff-link-intro = Give this single-use link to the person in person or by a channel you trust. It will not be shown again.
staff-link-label = Link
staff-password-or-invite = Leave empty to get an invitation link with which the person chooses their own password.
staff-last-admin = The office must keep at least one active administrator.
staff-audit-link = This person's actions in the audit log

## Audit log
audit-title = Audit log
audit-filter-staff = Staff member
audit-filter-anyone = Anyone
audit-filter-action = Action
audit-filter-any-action = Any action
audit-filter-from = From
audit-filter-until = Until
audit-filter-security = Security events only
audit-filter-apply = Filter
audit-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
audit-when = When
audit-who = Who
audit-action = Action
audit-target = Record
audit-address = Address
audit-details = Details

## Validation
validation-required = This field is required.
validation-too-long = At most { $max } characters.
validation-control-characters = Control characters are not allowed.
validation-email = Enter an email address such as name@example.org.
validation-email-taken = A staff account with this email already exists.
validation-role = Choose admin, lawyer or paralegal.
validation-language = Choose English, Russian, Ukrainian or Spanish.
validation-password-short = The password must have at least { $min } characters.
validation-password-common = This password is too common; attackers try it first. Choose another.
validation-password-mismatch = The two passwords differ.
validation-current-password = The current password is wrong.
validation-date = Enter a date as YYYY-MM-DD.
validation-staff = Choose a staff member from the list.

## Errors
error-status = Error { $status }
error-back-home = Back to the home page
error-unauthorized-title = Sign-in required
error-unauthorized = Sign in or send a valid bearer token.
error-forbidden-title = Not allowed
error-forbidden = Your role does not allow this.
error-csrf = This form has expired or did not come from Refuge. Go back, reload the page and try again.
error-not-found-title = Not found
error-not-found = This page does not exist, or the link is no longer valid.
error-method-not-allowed-title = Method not allowed
error-method-not-allowed = This address does not accept that kind of request.
error-payload-too-large-title = Request too large
error-unsupported-media-type-title = Unsupported content type
error-bad-request-title = Bad request
error-bad-request = The request could not be understood.
error-validation-title = Invalid input
error-validation = Some fields are invalid.
error-conflict-title = Conflict
error-conflict-duplicate = This record already exists.
error-too-many-title = Too many attempts
error-too-many = Too many failed attempts. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
error-payload-too-large = The request body is too large.
error-unsupported-media-type = Send the body as application/json.
error-body-unreadable = The request body could not be read.
error-json-invalid = The JSON body is invalid: { $reason }
error-form-invalid = The form data could not be read.
error-query-invalid = The query string is invalid: { $reason }
error-unavailable-title = Temporarily unavailable
error-unavailable = Refuge cannot reach its database right now. Try again in a minute.
error-internal-title = Something went wrong
error-internal = An unexpected error occurred. Nothing was changed. If it happens again, tell your administrator.
api-not-a-token = This request was not made with a bearer token.

## Claims and case stages
claim-kind-affirmative = Affirmative (USCIS)
claim-kind-defensive = Defensive (immigration court)
claim-kind-credible-fear = Credible fear (border)
claim-kind-invalid = Choose affirmative, defensive or credible fear.
case-stage-inquiry = Inquiry
case-stage-conflict-check = Conflict check
case-stage-consultation = Consultation
case-stage-retained = Retained
case-stage-declined = Declined
case-stage-credible-fear-pending = Credible fear interview pending
case-stage-credible-fear-positive = Credible fear found
case-stage-credible-fear-negative = Credible fear not found
case-stage-ij-review = Immigration judge review
case-stage-drafting = Drafting the I-589
case-stage-filed = Filed with USCIS
case-stage-receipt-received = Receipt notice received
case-stage-biometrics-scheduled = Biometrics scheduled
case-stage-interview-scheduled = Interview scheduled
case-stage-interviewed = Interviewed
case-stage-referred-to-court = Referred to immigration court
case-stage-nta-served = Notice to Appear served
case-stage-master-hearing = Master calendar hearing
case-stage-application-lodged = I-589 lodged with the court
case-stage-merits-hearing = Merits hearing
case-stage-granted = Granted
case-stage-denied = Denied
case-stage-bia-appeal = Appeal to the BIA
case-stage-withdrawn = Withdrawn
case-stage-closed = Closed
case-stage-invalid = Choose a stage from the list.
case-stage-unchanged = The case is already at stage “{ $stage }”.
case-stage-wrong-kind = “{ $stage }” is not a stage of { $kind ->
        [affirmative] an affirmative
        [defensive] a defensive
       *[other] a credible-fear
    } case, so it cannot move from “{ $from }” to “{ $to }”.
case-stage-transition-not-allowed = { $kind ->
        [affirmative] An affirmative
        [defensive] A defensive
       *[other] A credible-fear
    } case cannot move from “{ $from }” to “{ $to }”.
case-stage-reopen-required = This case is “{ $from }”. Reopen it before moving it to “{ $to }”.
case-stage-reopen-not-closed = Only a declined, withdrawn or closed case can be reopened; this one is at “{ $from }”.
case-stage-reopen-not-allowed = A case that is “{ $from }” cannot be reopened at “{ $to }”.

## Deadlines
deadline-one-year-filing = One-year filing deadline (I-589)
deadline-ead-may-file = May file for a work permit (I-765)
deadline-ead-may-be-granted = Work permit may be granted
deadline-bia-appeal = BIA appeal due
deadline-parole-expiry = Parole expires
deadline-re-parole-window = File for re-parole
deadline-child-ages-out = Child turns 21
deadline-i730 = I-730 for relatives abroad due
deadline-hearing = Court hearing
deadline-interview = Asylum interview
deadline-biometrics = Biometrics appointment
filing-exception-changed-circumstances = Changed circumstances
filing-exception-extraordinary-circumstances = Extraordinary circumstances

## US federal holidays
holiday-new-years-day = New Year's Day
holiday-martin-luther-king-jr-day = Birthday of Martin Luther King, Jr.
holiday-washingtons-birthday = Washington's Birthday
holiday-memorial-day = Memorial Day
holiday-juneteenth = Juneteenth National Independence Day
holiday-independence-day = Independence Day
holiday-labor-day = Labor Day
holiday-columbus-day = Columbus Day
holiday-veterans-day = Veterans Day
holiday-thanksgiving-day = Thanksgiving Day
holiday-christmas-day = Christmas Day

## Case-file vocabularies
validation-a-number = Enter the A-number as on USCIS notices, e.g. A-012-345-678: the letter A, then 8 or 9 digits.
validation-a-number-length = An A-number has 8 or 9 digits; this one has { $digits }.
validation-a-number-zero = An A-number cannot be all zeros.
validation-country = “{ $code }” is not a country code; use two letters such as RU, UA, BY.
validation-language-code = “{ $code }” is not a language code; use two letters such as ru, uk, en.
validation-choice = Choose one of the options.
sex-female = Female
sex-male = Male
sex-x = Unspecified (X)
entry-port_parole = At a port of entry, paroled
entry-cbp_one = CBP One appointment
entry-without_inspection = Entry without inspection
entry-uniting_for_ukraine = Uniting for Ukraine
entry-visa = With a visa
entry-other = Other
travel-air = Air
travel-land = Land
travel-car = Car
travel-bus = Bus
travel-on_foot = On foot
travel-sea = Sea
relationship-spouse = Spouse
relationship-child = Child
relationship-parent = Parent
relationship-sibling = Brother or sister
relationship-fiance = Fiancé(e)
relationship-other = Other
marital-single = Single
marital-married = Married
marital-divorced = Divorced
marital-widowed = Widowed
persecutor-police = Police
persecutor-security_service = Security service
persecutor-military = Military
persecutor-non_state_actor = Non-state actor
persecutor-other = Other
status-paroled = Paroled
status-in_proceedings = In proceedings
status-detained = In detention
status-asylee = Asylee
status-tps = TPS
status-lpr = Permanent resident
status-no_status = No status
status-other = Other
checklist-missing = Missing
checklist-requested = Requested
checklist-received = Received
checklist-translated = Translated
checklist-filed = Filed
event-master_hearing = Master calendar hearing
event-merits_hearing = Merits hearing
event-interview = Asylum interview
event-biometrics = Biometrics
validation-name-or-none = Write the name as in the passport, or NONE if the passport has none.
validation-too-many-rows = At most { $max } rows per section.
validation-arrival-before-departure = The arrival is before the departure.
validation-number = Enter a whole number.
validation-date-too-early = Enter a date from 1900 on.
validation-date-future = This date is in the future.
validation-lawyer = Choose an active lawyer.
validation-paralegal = Choose an active paralegal.
case-kind-required = Record the claim's kind in the intake first.
case-conflict-unresolved = Record a clear conflict check before the consultation.

## --- intake form ---
intake-title-new = New intake
intake-title-edit = Intake { $reference }
intake-intro = Save a draft at any point and complete it later.
intake-audit-promise = The audit log records who changed this form and when. It keeps the values only of the claim kind, the lawyer and paralegal, the interpreter and safe-to-contact choices and who is a derivative; of every other field it records only that it changed.
intake-needed-legend = Fields marked * are needed to complete the intake; a draft may leave them empty.
intake-status-draft = This intake is a draft.
intake-status-complete = This intake is complete: changes must keep it complete.
intake-back-to-case = Back to the case
intake-needed = (needed to complete)
intake-not-recorded = — not recorded —
intake-staff-unavailable = { $name } (no longer available)
intake-draft-needs-name = Type at least one of the client's names (family, given or in native script) before saving.
intake-save-draft = Save draft
intake-complete = Complete intake
intake-save = Save changes
intake-save-hint = A draft may have anything missing. Completing checks that everything needed is there.
intake-save-complete-hint = Saving checks that everything needed to complete the intake is still there.
intake-section-client = Client
intake-section-contact = Contact
intake-section-entry = Entry into the United States
intake-section-family = Family members
intake-section-journey = Journey
intake-section-persecution = Persecution and arrests
intake-section-claim = Claim
intake-name-hint = As in the passport, letter for letter.
intake-middle-name-hint = As in the passport; write NONE if it has no middle name (the I-589 takes no blank).
intake-client-family-name = Family name
intake-client-given-name = Given name
intake-client-middle-name = Middle name
intake-client-native-name = Name in native script
intake-client-native-name-hint = For example in Cyrillic: Евгений Щербаков.
intake-client-other-names = Other names and spellings
intake-client-other-names-hint = One per line: other Latin spellings, earlier names, aliases.
intake-client-date-of-birth = Date of birth
intake-client-sex = Sex (as in the passport)
intake-client-country-of-birth = Country of birth
intake-client-nationalities = Nationalities
intake-client-nationalities-hint = One country per box. Saving shows another empty box for one more.
intake-client-languages = Languages
intake-client-languages-hint = One language per box. Saving shows another empty box for one more.
intake-client-interpreter = Needs an interpreter
intake-client-a-number = A-number
intake-client-a-number-hint = As on USCIS or court papers, e.g. A-012-345-678. Leave empty if there is none yet.
intake-client-passports = Passport number(s)
intake-client-passport-expiry = Passport expires on
intake-client-immigration-status = Immigration status
intake-contact-warning = Someone at the client's home or a relative in the home country may be watched. Tick “safe” only for a channel the client confirms nobody else reads or answers.
intake-client-phone = Phone
intake-client-phone-safe = Safe to call or text
intake-client-email = Email
intake-client-email-safe = Safe to email
intake-client-messenger = Messenger (app and account)
intake-client-messenger-safe = Safe to message
intake-client-us-address = Address in the US
intake-client-address-safe = Safe to send mail
intake-entry-last-arrival = Date of last arrival in the US
intake-entry-last-arrival-hint = The one-year asylum filing deadline is counted from this date: the most recent arrival, not the first.
intake-entry-port = Port of entry
intake-entry-port-hint = For example San Ysidro.
intake-entry-manner = Manner of entry
intake-entry-i94 = I-94 number
intake-entry-class = Class of admission
intake-entry-class-hint = As on the I-94, e.g. DT for parole.
intake-entry-parole-expires = Parole expires on
intake-family-intro = List every spouse and child, even those abroad. Only a spouse and unmarried children under 21 who are in the US can be included as derivatives.
intake-family-member = Family member { $number }
intake-family-relationship = Relationship
intake-family-family-name = Family name
intake-family-given-name = Given name
intake-family-native-name = Name in native script
intake-family-date-of-birth = Date of birth
intake-family-marital-status = Marital status
intake-family-in-us = In the US
intake-family-derivative = Include as a derivative on the I-589
intake-family-safe = Safe to contact
intake-family-notes = Notes
intake-family-add = Add a family member
intake-family-remove = Remove family member { $number }
intake-family-none = No family members recorded.
intake-journey-intro = One leg per trip, in order, from the home country to the US.
intake-journey-leg = Leg { $number }
intake-journey-from-country = From country
intake-journey-from-city = From city
intake-journey-to-country = To country
intake-journey-to-city = To city
intake-journey-departed = Departed on
intake-journey-arrived = Arrived on
intake-journey-mode = Travelled by
intake-journey-notes = Carrier, flight or notes
intake-journey-add = Add a leg
intake-journey-up = Move leg { $number } up
intake-journey-remove = Remove leg { $number }
intake-journey-none = No journey recorded.
intake-persecution-intro = Arrests, detentions, searches, charges, beatings, threats: one event each. This is the most sensitive part of the file: the audit log records that it changed, never what it says (no dates, places, who acted or days detained).
intake-persecution-event = Event { $number }
intake-persecution-date = Date
intake-persecution-place = Place
intake-persecution-actor = Who acted
intake-persecution-detention-days = Days in detention
intake-persecution-description = What happened
intake-persecution-charges = Charges
intake-persecution-outcome = Outcome
intake-persecution-evidence = Evidence that exists
intake-persecution-evidence-hint = For example a video, a court record, a medical report.
intake-persecution-add = Add an event
intake-persecution-remove = Remove event { $number }
intake-persecution-none = No events recorded.
intake-claim-kind = Kind of claim
intake-claim-lawyer = Lawyer of record
intake-claim-paralegal = Paralegal

## --- case page ---
case-print-summary = Print summary
case-summary-title = Client summary
case-summary-print-hint = Print this page from the browser (Ctrl+P): navigation and links are left off the paper.
case-reference = Case
case-saved = Saved.
case-edit-intake = Edit the intake
case-edit = Edit
case-overview-title = Summary
case-overview-people = People
case-overview-principal = principal applicant
case-header-stage = Stage
case-header-kind = Claim
case-header-lawyer = Lawyer
case-header-paralegal = Paralegal
case-nobody = Not assigned
case-yes = Yes
case-no = No
case-none-recorded = Nothing recorded.
case-age = { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}
case-one-year-title = One-year filing deadline
case-one-year-until-filed = The I-589 must be filed by this day. This notice stays until the filing date is recorded under key dates.
case-one-year-exception = Exception recorded: { $kind }, reasonable period until { $date }.
case-one-year-no-arrival = The I-589 is not filed and the date of last arrival is not recorded, so the one-year deadline cannot be computed. Record the arrival in the intake.
case-days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
case-days-today = due today
case-days-overdue = { $days ->
    [one] overdue by { $days } day
   *[other] overdue by { $days } days
}
case-days-ago = { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}
case-deadlines-title = Deadlines
case-deadlines-past = Dates that have passed
case-next-deadline = Next deadline
case-no-deadlines = No deadlines yet.
case-deadline = Deadline
case-due = Date
case-remaining = Remaining
case-overdue = Overdue
case-section-client = Client
case-client-name = Name (as in the passport)
case-client-native-name = Name in native script
case-client-other-names = Other spellings and aliases
case-client-dob = Date of birth
case-client-sex = Sex
case-client-country-of-birth = Country of birth
case-client-nationalities = Nationalities
case-client-languages = Languages
case-client-interpreter = Interpreter
case-interpreter-needed = Needed
case-interpreter-not-needed = Not needed
case-client-a-number = A-number
case-client-passports = Passport numbers
case-client-passport-expiry = Passport expires
case-client-status = Immigration status
case-contact-title = Contact
case-contact-phone = Phone
case-contact-email = Email
case-contact-address = US address
case-contact-messenger = Messenger
case-contact-safe = safe to contact
case-contact-not-safe = NOT safe to contact
case-section-family = Family
case-family-name = Name
case-family-relationship = Relationship
case-family-dob = Born
case-family-marital = Marital status
case-family-in-us = In the US
case-family-eligible = Derivative on the I-589
case-family-ages-out = Turns 21
case-family-contact = Contact
case-family-empty = No family members recorded.
case-family-eligibility-hint = Only a spouse and unmarried children under 21 who are in the US can be derivatives; every spouse and child must still be listed on the I-589.
case-eligible-yes = Eligible
case-eligible-no = Not eligible
case-derivative-requested = included as derivative
case-derivative-not-requested = not included
case-section-journey = Journey
case-journey-empty = No journey recorded.
case-journey-departed = Departed
case-journey-arrived = arrived
case-section-entry = Entry
case-entry-last-arrival = Last arrival in the US
case-entry-port = Port of entry
case-entry-manner = Manner of entry
case-entry-i94 = I-94 number
case-entry-class = Class of admission
case-entry-parole-expires = Parole expires
case-section-persecution = Persecution and arrest history
case-persecution-empty = No events recorded.
case-persecution-actor = Who acted
case-persecution-what = What happened
case-persecution-detention = Detained
case-persecution-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
case-persecution-charges = Charges
case-persecution-outcome = Outcome
case-persecution-evidence = Evidence
case-section-claim = Claim
case-claim-conflict = Conflict check
case-conflict-unchecked = Not checked yet
case-conflict-clear = No conflict
case-conflict-found = Conflict: { $reason }
case-conflict-check-link = Run the conflict check
case-claim-intake = Intake
case-intake-complete = Complete
case-intake-draft = Draft intake
case-claim-opened = Opened
case-claim-updated = Last updated
case-section-stage = Stage and history
case-move-to = Move to
case-move-note = Note (optional)
case-move-submit = Change stage
case-move-none = No other stage can be chosen from here.
case-move-closing-hint = Declining, withdrawing, closing and reopening a case are for lawyers and administrators.
case-history-title = Stage history
case-history-when = When
case-history-who = Who
case-history-change = Change
case-history-note = Note
case-history-opened = Opened
case-section-dates = Key dates
case-dates-i589-filed = I-589 filed
case-dates-i589-received = I-589 received by USCIS or lodged with the court
case-dates-exception = Exception to the one-year deadline
case-dates-exception-none = None
case-dates-exception-until = Reasonable period for filing ends
case-dates-exception-lawyer-only = An exception to the one-year deadline is the lawyer's judgment: only lawyers and administrators record it.
case-dates-ij-decision = Immigration judge's decision
case-dates-granted = Asylum granted
case-dates-court-verified = Last checked with the court
case-dates-submit = Save dates
case-section-events = Hearings, interviews and biometrics
case-events-empty = Nothing scheduled.
case-event-when = When
case-event-kind = Kind
case-event-date = Date
case-event-time = Time (optional)
case-event-place = Place
case-event-official = Judge or officer
case-event-add-title = Add a hearing or appointment
case-event-add = Add
case-event-remove = Remove
case-event-outcome = Outcome
case-event-outcome-record = Record
case-event-outcome-correct = Correct
case-section-ead = Work permit (EAD) clock
case-ead-not-started = The EAD clock has not started: record the day the I-589 was received by USCIS or lodged with the court under key dates.
case-ead-start = Clock started
case-ead-days = Days on the clock
case-ead-state = Clock
case-ead-running = Running
case-ead-stopped = Stopped
case-ead-stops = Stops
case-ead-stopped-on = Stopped
case-ead-restarted-on = Restarted
case-ead-still-stopped = not restarted
case-ead-reason = Reason (applicant-caused delay)
case-ead-on = On
case-ead-stop = Stop the clock
case-ead-restart = Restart the clock
case-ead-already-stopped = The clock is already stopped; restart it before recording another stop.
case-ead-not-stopped = The clock is running; there is no stop to end.
case-section-checklist = Documents checklist
case-checklist-empty = No documents listed yet.
case-checklist-item = Document
case-checklist-status = Status
case-checklist-note = Note
case-checklist-updated = Updated
case-checklist-save = Save
case-checklist-add-title = Add a document
case-checklist-add = Add
case-section-notes = Notes
case-note-body = New note
case-note-add = Add note
case-notes-empty = No notes yet.
case-section-audit = Audit trail
case-audit-hint = Every reading and every change of this case, newest first (the latest 20).
case-purge-title = Delete this client's file
case-purge-hint = For the retention policy only. The client, the family, journey, entry and persecution history, the case with its history, dates, checklist and notes are deleted for good; the audit log keeps an entry with the reference. To end the office's work on a case, close or withdraw it instead.
case-purge-confirm = Type the reference { $reference } to confirm
case-purge-submit = Delete for good
validation-time = Enter a time as HH:MM.
validation-received-before-filed = The I-589 cannot be received before it was filed.
validation-ead-stop-before-start = The clock cannot stop before it started.
validation-ead-restart-before-stop = The clock cannot restart before it stopped.
validation-purge-confirm = Type the case's reference exactly as shown to confirm.
validation-event-not-happened = The hearing or appointment has not happened yet; record its outcome once it has.
settings-title = Office settings
settings-paralegals-see-all = Paralegals see every case
settings-paralegals-see-all-hint = When on, paralegals can open and read every case, not only those assigned to them. They can still change only the cases assigned to them.
settings-saved = The settings have been saved.

## --- search, conflict check and case list ---
nav-cases = Cases
search-title = Search
search-label = Name, A-number or case reference
search-placeholder = Name, A-number, reference
search-hint = Names match in Cyrillic or Latin and in any usual spelling (Юлия, Yulia, Iuliia, Julia); two letters are enough to begin a name. A-numbers with or without dashes; references such as R-2026-00042 or 2026-00042.
search-expired = This search is no longer held (searches are kept for an hour, and not across a restart). Search again.
search-submit = Search
search-too-short = Type at least two letters of a name, an A-number or a case reference.
search-count = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}
search-more = Only the best { $count } are shown and more people match: add a word, or search by A-number or case reference.
search-name = Name
search-person = Person
search-case = Case
search-stage = Stage
search-date-of-birth = Date of birth
search-match = Match
search-of-client = of { $name }
search-person-client = Client
search-match-reference = Case reference
search-match-a-number = A-number
search-match-exact = Same spelling
search-match-transliteration = Another spelling of the same name
search-match-equivalent = The same name in another language
search-match-similar = Spelled alike
search-match-prefix = Begins with what you typed
search-match-most-words = Every word but one matches
conflict-title = Conflict check
conflict-intro = Everyone in the office's other files whose name matches this client or a family member in any script or spelling. People born on the same day are listed first and marked.
conflict-status = Conflict check
conflict-status-unchecked = Not yet recorded
conflict-status-clear = No conflict
conflict-status-conflict = Conflict
conflict-checked-by = Recorded by
conflict-count = { $count ->
    [one] { $count } possible match
   *[other] { $count } possible matches
}
conflict-none = No matching names in other files.
conflict-same-date-of-birth = same date of birth
conflict-more = More names match than are shown.
conflict-record-title = Record the outcome
conflict-outcome = Outcome
conflict-outcome-clear = No conflict
conflict-outcome-conflict = Conflict
conflict-reason = Reason (required for a conflict)
conflict-record-submit = Record outcome
conflict-next-consultation = No conflict is recorded: the case can go on to the consultation.
conflict-move-to-consultation = Move to consultation
conflict-recorded = The outcome of the conflict check has been recorded.
case-list-title = Cases
case-list-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
case-list-empty = No cases yet.
case-list-all-filters = All cases, with filters
case-list-reference = Reference
case-list-client = Client
case-list-kind = Claim
case-list-lawyer = Lawyer
case-list-paralegal = Paralegal
case-list-next-deadline = Next deadline
case-list-deadline = Deadline
case-list-updated = Updated
case-list-due-today = due today
case-list-days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
case-list-scope = Show
case-list-scope-mine = My cases
case-list-scope-all = All cases
case-list-any = Any
case-list-anyone = Anyone
case-list-nationality = Nationality
case-list-port = Port of entry
case-list-one-year-within = One-year deadline within (days)
case-list-hearing-within = Hearing within (days)
case-list-not-updated = Open cases not updated in 60 days
case-list-apply = Filter
case-list-reset = Clear filters
case-list-days-invalid = Enter a number of days from 0 to { $max }.

## --- API ---

## --- demo data ---

## --- email notifications ---
email-greeting = Hello, { $name }.
email-footer = Refuge emails carry case references, dates and links only, never names or stories: open the link to see the case.
email-preferences = Choose what you receive
email-role-lawyer = lawyer of record
email-role-paralegal = paralegal
email-case-assigned = Case { $reference } has been assigned to you as { $role }.
email-stage-changed = Case { $reference } moved from “{ $from }” to “{ $to }”.
email-reminder = Case { $reference }: { $deadline } on { $date }, { $days ->
    [0] today
    [one] in { $days } day
   *[other] in { $days } days
}.
email-court-recheck = { $count ->
    [one] One case has a hearing
   *[other] { $count } cases have hearings
} not verified with the court in the last 7 days:
email-court-recheck-case = { $reference }: hearing on { $date }, { $verified }
email-court-verified-on = last verified { $date }
email-court-never-verified = never verified
email-client-initials = Client: { $initials }
email-subject-case-assigned = Refuge: case { $reference } assigned to you
email-subject-stage-changed = Refuge: case { $reference } changed stage
email-subject-reminder = Refuge: case { $reference }, deadline { $days ->
    [0] today
    [one] in { $days } day
   *[other] in { $days } days
}
email-subject-court-recheck = Refuge: hearing dates to re-check with the court
email-subject-security-alert = Refuge: repeated refusals for one staff account
email-security-alert = { $name } was refused { $count } times within the last hour.
email-security-alert-check = Check the security events: a mistyped address, a role that needs changing, or someone trying what they may not.
email-subject-audit-seal = Refuge: audit log seal for { $date }
email-audit-seal = On { $date } the audit log's chain ended at entry { $entry }. Its seal:
email-audit-seal-keep = Keep this message. `refuge audit verify --seal { $seal }` shows whether any entry up to this one has been changed or removed since.
email-subject-digest = Refuge: daily digest, { $count ->
    [one] { $count } update
   *[other] { $count } updates
}
email-digest-intro = { $count ->
    [one] One update
   *[other] { $count } updates
} since the last digest:
account-notifications-title = Email notifications
account-notifications-hint = Choose how each kind reaches you: at once, in one digest a day (sent at { $time }, { $zone }), or not at all. Reminders of the one-year deadline and of the appeal window cannot be turned off.
account-notifications-submit = Save notification choices
account-notifications-saved = Your notification choices have been saved.
notification-kind-case-assigned = A case is assigned to me
notification-kind-stage-changed = A stage changes on a case where I am the lawyer of record
notification-kind-one-year-reminder = One-year filing deadline: 60, 30, 14, 7 and 1 days before
notification-kind-hearing-reminder = Hearings, interviews and biometrics: 14, 7 and 1 days before
notification-kind-appeal-reminder = BIA appeal due: 14, 7 and 2 days before
notification-kind-parole-reminder = Parole expiry: 90 and 60 days before
notification-kind-age-out-reminder = A derivative child turns 21 within 120 days
notification-kind-court-recheck = Weekly list of hearing dates to re-check with the court
notification-delivery-immediate = At once
notification-delivery-digest = Daily digest
notification-delivery-off = Off
notification-cannot-turn-off = cannot be turned off
validation-delivery = Choose at once, daily digest or off.
validation-delivery-required = This reminder cannot be turned off.
nav-mail = Mail
mail-title = Outgoing mail
mail-intro = Messages waiting to be sent, and messages that could not be sent. A message that cannot be sent is tried again with growing delays for { $hours } hours, then marked failed.
mail-pending-count = Waiting: { $count }
mail-failed-count = Failed: { $count }
mail-none = Nothing is waiting and nothing has failed.
mail-col-recipient = Recipient
mail-col-subject = Subject
mail-col-status = Status
mail-col-attempts = Attempts
mail-col-next = Next attempt
mail-col-error = Last error
mail-col-created = Written
mail-status-pending = Waiting
mail-status-failed = Failed
mail-retry = Send again
mail-retried = The message will be sent again shortly.
home-mail-failed = { $count ->
    [one] One email could not be sent.
   *[other] { $count } emails could not be sent.
}
home-mail-link = See outgoing mail
home-backup-failed = The nightly backup of { $time } failed: { $reason }.
home-backup-overdue = No nightly backup has succeeded since { $time }.
home-backup-none = Nightly backups are on, but none has succeeded yet.
home-backup-hint = Until a backup succeeds the office has no recent one: check backup.directory and the server's log (README, "Backups and restoring").
settings-email-initials = Add the client's initials to notification emails
settings-email-initials-hint = Off by default: email is not a safe channel. Initials help a lawyer recognise a case at a glance; names, A-numbers and nationalities are never sent.

## --- weekly reports ---
nav-reports = Reports
report-title = Weekly caseload report
report-so-far = so far
report-weeks = Weeks
report-previous-week = Previous week
report-next-week = Next week
report-at-a-glance = The week at a glance
report-this-week = This week
report-last-week = Last week
report-attention = Needs attention
report-waiting-conflict-check = Waiting for the conflict check
report-waiting-decision = Consulted, waiting for retain or decline
report-details = Every figure of the week
report-email-last-week = last week: { $count }
report-week = Week
report-of = Caseload
report-of-office = The whole office
report-show = Show
report-csv-summary = Download the tables (CSV)
report-csv-cases = Download the cases (CSV)
report-activity = The week
report-new-inquiries = New inquiries
report-intakes = Intakes (consultations)
report-retained = Retained
report-declined = Declined
report-closed = Closed
report-withdrawn = Withdrawn
report-grants = Grants
report-stage-changes = Stage changes
report-none = None.
report-open = Open cases at the end of the week
report-open-total = Open cases
report-chart-stages = Open cases by stage
report-by-stage = By stage
report-by-kind = By claim kind
report-by-lawyer = By lawyer
report-by-paralegal = By paralegal
report-by-nationality = By nationality
report-by-port = By port of entry
report-not-recorded = Not recorded
report-ahead = Deadlines, hearings and what is overdue
report-due-total = Cases with a deadline or hearing in the 30 days after the week
report-overdue = Overdue
report-overdue-total = Cases with something overdue
report-overdue-one-year = One-year deadline passed, I-589 not filed
report-overdue-appeal = BIA appeal window missed
report-overdue-hearing-outcome = Hearing held, no outcome recorded
report-stale = Open cases not touched in 60 days
report-unverified = Upcoming hearings not verified with the court this week
report-trend = Twelve weeks
report-chart-trend = Intakes and grants, twelve weeks
report-week-invalid = Enter an ISO week such as 2026-W47.
report-week-future = That week has not begun yet.
report-figure-invalid = Unknown report figure.
report-scope-invalid = Choose the office or a lawyer.
report-scope-unknown = No such lawyer or paralegal.
report-table-invalid = The CSV table must be "summary" or "cases".
report-email-subject-office = Weekly caseload report { $week }: the office
report-email-subject-own = Weekly caseload report { $week }: your cases
report-email-intro = The week { $week } ({ $from } to { $until }) at a glance. Each number links to its cases.
report-email-open-page = Open the full report

## Issue 12 §6 (faults): malformed input, paging, mail leases
error-field-refused = “{ $field }”: { $reason }
mail-send-now = Send now
mail-sent-now = The message was sent.
mail-not-sent-now = The message could not be sent now; it waits for its next attempt (see the error).
audit-action-mail-sent-now = Email sent at once by an administrator

## Issue 12 §3 (demo data): the banner of a demo office (`refuge demo`).
banner-demo-office = Demo office: every person, case and message here is fictional. Do not enter real client data.

## Part audit-trail (issue 12 §4): the audit trail in words
audit-action-account-notifications-changed = Notification choices changed
audit-action-access-denied = Access refused
audit-action-case-list-viewed = Case list viewed
audit-action-search-run = Search run
audit-action-security-alert-sent = Admins alerted to repeated refusals
audit-action-account-updated = Own account changed
audit-action-api-token-created = API token issued
audit-action-api-token-revoked = API token revoked
audit-action-case-checklist-item-added = Document added to the checklist
audit-action-case-checklist-item-updated = Checklist document updated
audit-action-case-conflict-checked = Conflict check recorded
audit-action-case-conflict-searched = Conflict search run
audit-action-case-created = Case opened
audit-action-case-dates-changed = Key dates changed
audit-action-case-ead-clock-restarted = EAD clock restarted
audit-action-case-ead-clock-stopped = EAD clock stopped
audit-action-case-event-added = Hearing or appointment added
audit-action-case-event-outcome-recorded = Hearing or appointment outcome recorded
audit-action-case-event-removed = Hearing or appointment removed
audit-action-case-i589-check-overridden = Filed with I-589 items missing
audit-action-case-note-added = Note added
audit-action-case-purged = Client file deleted (retention)
audit-action-case-stage-changed = Stage changed
audit-action-case-updated = Intake changed
audit-action-case-viewed = Case file opened
audit-action-demo-data-loaded = Demo data loaded
audit-action-invitation-accepted = Invitation accepted
audit-action-login-failed = Sign-in failed
audit-action-login-succeeded = Signed in
audit-action-login-throttled = Sign-in refused: too many attempts
audit-action-logout = Signed out
audit-action-mail-retried = Email sent again
audit-action-office-settings-changed = Office settings changed
audit-action-password-changed = Password changed
audit-action-report-exported = Report downloaded
audit-action-report-viewed = Report viewed
audit-action-setup-completed = First administrator set up
audit-action-staff-created = Staff member added
audit-action-staff-deactivated = Staff member deactivated
audit-action-staff-password-reset = Password reset
audit-action-staff-reactivated = Staff member reactivated
audit-action-staff-updated = Staff member changed
audit-field-stage = Stage
audit-field-reference = Case reference
audit-field-intake-complete = Intake complete
audit-field-demo-data = Demo data
audit-field-with-note = With a note
audit-field-i589-missing-count = Items missing
audit-field-i589-missing-items = Missing items
audit-field-conflict-outcome = Outcome
audit-field-event-kind = Kind
audit-field-on = Date
audit-field-corrected = Corrected an earlier outcome
audit-field-checklist-status = Document status
audit-field-note = Note
audit-field-people-checked = People checked
audit-field-matches = Matching names
audit-field-same-date-of-birth = Same date of birth
audit-field-channel = Through
audit-channel-html = the web pages
audit-channel-api = the API
audit-field-reason = Reason
audit-reason-unknown-account = no such account
audit-reason-no-password = the account has no password yet
audit-reason-inactive = the account is deactivated
audit-reason-wrong-password = wrong password
audit-field-retry-after = Seconds to wait
audit-field-route = Address asked for
audit-field-results = Results
audit-field-search = Searched by
audit-search-names = names
audit-search-numbers = reference or A-number
audit-field-list = Cases
audit-field-refusals = Refusals within the hour
audit-field-view = Page
audit-view-audit-trail = The case's audit trail
audit-field-export = Downloaded
audit-export-cases = The cases, one row each
audit-export-summary = The report's figures
audit-field-rows = Rows
audit-refusal-role = not allowed for the role
audit-refusal-not-assigned = case not assigned
audit-refusal-csrf = form token missing or wrong
audit-refusal-second-factor = second factor missing or wrong
audit-refusal-throttled = too many attempts
audit-field-active = Active
audit-field-invited = Invited by email
audit-field-figure = Figure
audit-field-figure-group = Group
audit-field-clients = Clients
audit-field-seed = Seed
audit-field-today = As of
audit-changed = changed
audit-former-staff = a former staff member
audit-case = Case
audit-case-deleted = { $reference } (deleted)
audit-filter-case = Case reference
audit-trail-title = Audit trail of case { $reference }
audit-trail-back = Back to the case
audit-trail-all = The whole audit trail of this case
validation-page = Enter a page number as a whole number.
validation-case-reference = Enter a case reference such as R-2026-00042.
audit-action-demo-data-removed = Demo data removed
audit-field-staff-count = Staff accounts
audit-field-cases = Cases
audit-field-audit-entries = Audit entries

# --- Issue 12 §2, deadlines a lawyer can trust: what satisfies each deadline (docs/deadlines.md)
deadline-green-card-eligible = May apply for a green card (I-485)
deadline-child-ages-out-named = { $name } turns 21
case-dates-appeal-filed = Notice of appeal (EOIR-26) filed
case-dates-i765-filed = Work permit application (I-765) filed
case-dates-re-parole-filed = Re-parole requested
case-dates-i730-filed = I-730 filed for relatives abroad
case-dates-i485-filed = Green card application (I-485) filed
case-dates-satisfies-hint = A filing date ends the deadline it answers: the notice of appeal ends the BIA deadline, re-parole the parole dates, the I-765 the day-150 date, the I-730 and I-485 their own.
validation-appeal-before-decision = The appeal cannot be filed before the judge's decision.
validation-filed-before-grant = This is filed after asylum is granted: enter the grant date, and a date on or after it.

## Issue 12 §1 (saved-forms): nothing typed is ever lost
held-sign-in-again = Your session ended before the form was saved. Nothing was saved, but what you typed is kept: sign in again and it will be put back into the form.
held-restored = Your session had ended, so this form was not saved. What you typed has been put back: check it and save again.
session-expiry-warning = You will be signed out in two minutes unless you keep working. What you typed is not saved yet.
session-stay = Stay signed in
session-ended-unsaved = Your session may have ended. Press save anyway: nothing you typed is lost, and you will be asked to sign in again if needed.
intake-autosaved = Draft saved automatically.
intake-autosave-problems = Not saved automatically: the form has problems, shown when you save it.

## My sessions, previous sign-in (issue 13)
api-not-a-session = This request was not made from a signed-in browser session.
sessions-title = My sessions
sessions-hint = Every browser signed in to your account. If you do not recognise one, end it and change your password.
sessions-device = Browser and system
sessions-address = Address
sessions-signed-in = Signed in
sessions-last-seen = Last seen
sessions-browser-unknown = Unknown browser
sessions-on-system = on { $system }
sessions-this-one = (this browser)
sessions-address-unknown = unknown
sessions-end = End
sessions-end-this = Sign out here
sessions-end-others = Sign out everywhere else
sessions-end-others-hint = Ends every other session and revokes your API tokens; this browser stays signed in.
account-session-ended = The session has ended.
account-sessions-ended = Every other session has ended and your API tokens are revoked.
home-previous-sign-in = Your previous sign-in was on { $time } (address: { $address }).
staff-end-sessions = End all sessions
staff-sessions-ended = Every session and API token of this person has ended. The account stays active.
audit-action-session-ended = Session ended by its owner
audit-action-session-others-ended = Signed out everywhere else
audit-action-staff-sessions-ended = All sessions ended by an administrator
audit-field-current-session = The session in use
audit-field-sessions-ended = Sessions ended
audit-action-account-locked = Account locked (emergency lock)
audit-action-account-unlocked = Account unlocked by an administrator
audit-action-account-lock-link-requested = Lock link asked for
audit-reason-locked = account locked
login-locked = This account is locked (emergency lock). An administrator must unlock it before you can sign in.
lock-title = Lock my account
lock-request-intro = Lost a phone or laptop, or had one taken? Enter your work email: we send a lock link to it. Opening that link and confirming locks your account at once, until an administrator unlocks it.
lock-request-submit = Send me a lock link
lock-request-sent = If that email belongs to a staff account, a lock link is on its way to it.
lock-request-link = Ask for a new lock link
lock-confirm-intro = Lock this account now? Every session and API token ends at once, and nobody can sign in until an administrator unlocks it.
lock-confirm-submit = Lock the account
lock-confirm-expired = This page had expired or did not come from this site, so the account is not locked yet. Press the button again to lock it.
lock-done = The account is locked. Every session has ended and the administrators have been told. Ask one of them to unlock it when you are safe.
lock-link-unusable = This lock link has been used or has expired.
lock-account-title = Emergency lock
lock-account-hint = If a device of yours is lost or taken, a lock link locks your account from any browser, without signing in. Every email from Refuge ends with one; you can also make one here and keep it somewhere safe (on paper, or in a password manager on another device). A lock link can only lock.
lock-account-link-label = Your lock link (shown once)
lock-account-link-submit = Make a lock link
staff-locked-since = Locked since { $time }
staff-unlock = Unlock the account
staff-unlocked = The account is unlocked. The person signs in with their password.
email-lock-footer = Device lost or taken? Lock your Refuge account at once with this link (it can only lock):
email-subject-lock-link = Your lock link
email-lock-link-intro = Someone asked for a lock link for your Refuge account. Open it and confirm to lock the account at once.
email-lock-link-not-you = If you did not ask for it, ignore this message: nothing happens until the link is opened and confirmed.
email-lock-link-label = Lock my account
email-subject-account-locked = A staff account was locked
email-account-locked = The account of { $name } was locked with an emergency lock link on { $time } from { $address }.
email-account-locked-unlock = Unlock it on the staff page once you have spoken with the person.
login-lock-link = Lost a device? Lock your account

## Two-factor sign-in (issue 13)
second-factor-login-title = Second step: your code
second-factor-login-hint = Open your authenticator app and type the six-digit code it shows for Refuge. Without your phone, type one of your recovery codes instead.
second-factor-login-submit = Continue
second-factor-someone-else = Sign in as someone else
second-factor-required-intro = Your office requires a second factor to sign in. Set it up now: it takes a minute.
second-factor-enrol-step-app = Install an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).
second-factor-enrol-step-scan = Scan this code with the app.
second-factor-enrol-secret = Or type this key into the app:
second-factor-enrol-step-code = Type the six-digit code the app now shows.
second-factor-enrol-submit = Turn on the second factor
field-second-factor-code = Code
second-factor-wrong-code = That code is not right, or it was already used. Wait for the next code and try again.
second-factor-already-enrolled = A second factor is already set up for this account.
second-factor-not-enrolled = No second factor is set up for this account yet.
second-factor-recovery-title = Your recovery codes
second-factor-recovery-once = Write these codes down or print them now and keep them somewhere safe: they are shown only this once.
second-factor-recovery-hint = Each code signs you in once when you do not have your phone. Making new codes stops these from working.
second-factor-recovery-continue = I have kept them — continue
second-factor-recovery-gone = These recovery codes were shown once and are not shown again. If you did not keep them, make new ones on your second-factor page: the new codes replace the old.
second-factor-recovery-continue-gone = Continue
second-factor-account-title = Second factor
second-factor-account-link = Set up or manage your second factor
second-factor-account-intro = With a second factor, signing in needs your password and a code from an app on your phone.
second-factor-account-enrolled = A second factor is set up: signing in asks for a code from your app.
second-factor-recovery-left = Unused recovery codes: { $count }
second-factor-regenerate = Make new recovery codes
second-factor-account-reset-hint = Lost your phone? Ask an administrator to reset your second factor; you set up a new one when you next sign in.
second-factor-policy-everyone = Required for everyone
second-factor-policy-admins-and-lawyers = Required for administrators and lawyers
second-factor-policy-optional = Optional
settings-second-factor-policy = Second factor at sign-in
settings-second-factor-policy-hint = Staff who must have a second factor and have none set one up when they next sign in.
validation-second-factor-policy = Choose one of the second-factor policies.
staff-reset-second-factor = Reset second factor
api-otp-required = This account has a second factor: send the current code from the app as "otp".
audit-action-second-factor-enrolled = Second factor set up
audit-action-second-factor-failed = Wrong second-factor code
audit-action-second-factor-reset = Second factor reset
audit-action-second-factor-throttled = Second step refused: too many attempts
audit-action-second-factor-recovery-code-used = Recovery code used
audit-action-second-factor-recovery-codes-regenerated = New recovery codes made
audit-reason-wrong-code = wrong code
audit-reason-code-reused = code already used
audit-reason-wrong-recovery-code = wrong recovery code
audit-reason-no-code = no code
audit-field-recovery-codes = Recovery codes left

## Retention (issue 14)
settings-retention-years = Delete closed clients' files after this many years
settings-retention-years-hint = Leave empty to keep every file. When set, a case's file becomes due this many whole years after the case was closed, withdrawn or declined; administrators are sent the list each week and nothing is deleted until one of them confirms it.
validation-retention-years = Enter a whole number of years from 1 to { $max }, or leave the field empty to keep every file.
retention-title = Files due for deletion
retention-off = The office keeps every client's file: no retention period is set.
retention-rule = Files are due for deletion { $years ->
    [one] one year
   *[other] { $years } years
} after their case was closed, withdrawn or declined.
retention-none-due = No file is due for deletion.
retention-intro = These cases were closed longer ago than the office keeps files. Deleting a file removes the client, the family, journey, entry and persecution history, the case with its history, notes and mail for good; the audit log keeps an entry with the reference.
retention-col-delete = Delete
retention-col-reference = Reference
retention-col-stage = Stage
retention-col-closed = Closed on
retention-confirm-hint = Untick a file to keep it for now. A case reopened since this page was shown is not deleted.
retention-confirm = Delete the ticked files for good
retention-purged = { $count ->
    [one] One file was deleted.
   *[other] { $count } files were deleted.
}
retention-none-selected = No file was deleted.
retention-bad-case = The list sent was not one this page makes. Open the page again.
email-subject-retention = Refuge: { $count ->
    [one] one client's file is
   *[other] { $count } clients' files are
} due for deletion
email-retention-headline = { $count ->
    [one] One case was
   *[other] { $count } cases were
} closed more than { $years ->
    [one] a year
   *[other] { $years } years
} ago. Nothing is deleted until an administrator confirms the list:
email-retention-line = { $reference }, closed on { $closed }
email-retention-link = Review and confirm the list

## Issue 15: the public inquiry form (settings) and triage
nav-triage = Triage
language-uk = Українська
language-es = Español
settings-inquiry-form = Public inquiry form
settings-inquiry-form-hint = Anyone can then ask the office for help at this address, in English, Russian, Ukrainian or Spanish, without signing in; lawyers and admins work the answers on the triage page.
settings-office-name = Office name
settings-office-name-hint = Shown at the top of the public inquiry form and at the end of the emails it sends.
audit-action-inquiry-taken = Inquiry taken
audit-action-inquiry-merged = Inquiry merged into a case
audit-action-inquiry-declined = Inquiry declined
audit-action-triage-viewed = Triage queue viewed
audit-field-source = Source
audit-source-web-form = The public inquiry form
audit-field-merged-into = Merged into
audit-field-reply-sent = Reply sent
triage-title = Triage: new inquiries
triage-waiting = { $count ->
    [one] One inquiry is waiting; the most urgent come first.
   *[other] { $count } inquiries are waiting; the most urgent come first.
}
triage-empty = No inquiry is waiting.
triage-not-urgent = Not urgent.
triage-reason-one-year-passed = One-year filing deadline passed on { $date }
triage-reason-one-year-soon = One-year filing deadline on { $date }, { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
triage-reason-one-year-today = One-year filing deadline today, { $date }
triage-reason-hearing-today = Court hearing today, { $date }
triage-reason-hearing-past = Court hearing was on { $date } ({ $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
})
triage-reason-detained = Detained
triage-reason-hearing-soon = Court hearing on { $date } ({ $days ->
    [one] in { $days } day
   *[other] in { $days } days
})
triage-received = Received
triage-duplicates = Possible duplicates
triage-possibly-same = Possibly the same person as { $reference }
triage-this-inquiry = This inquiry
triage-also-inquiry = also an inquiry
triage-take-lawyer = Lawyer of record
triage-take = Take (to the conflict check)
triage-merge-into = Case it belongs to
triage-merge = Merge into that case
triage-decline-reason = Reason for declining
triage-decline-reply = Send a short, kind reply in their language to their safe email address
triage-decline = Decline
triage-done-taken = { $reference } was taken and is in the conflict check.
triage-done-merged = { $reference } was merged; its answers are a note on the other case.
triage-done-declined = { $reference } was declined.
triage-already-decided = This inquiry has already been taken, merged or declined.
triage-merge-unknown = No other case has this reference.
triage-merge-not-open = This case is declined, withdrawn or closed: reopen it first, or take the inquiry as a new case.
triage-merge-note-title = Answers of web inquiry { $reference }, merged into this case:
triage-taken-note-title = Answers of web inquiry { $reference }, taken as this case:
triage-merged-stage-note = Merged into { $reference }
report-web-inquiries = Web inquiries
report-web-inquiries-received = { $count ->
    [one] One inquiry came through the public form.
   *[other] { $count } inquiries came through the public form.
}
report-web-inquiries-median = Median time to the first action: { $minutes } minutes.
report-web-inquiries-none-acted = None of them has been acted on yet.
