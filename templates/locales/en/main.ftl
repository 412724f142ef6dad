# Refuge — English catalogue. Every key here must exist in ru/main.ftl too (tested).

## Navigation and shared words
nav-skip = Skip to content
nav-label = Main
nav-home = Home
nav-staff = Staff
nav-audit = Audit log
nav-account = My account
nav-logout = Sign out
save = Save
form-errors-title = Please correct the following
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
staff-created = The account has been created.
staff-saved = Saved.
staff-change-role = Role
staff-access = Access
staff-access-hint = Deactivating or resetting a password ends the person's sessions and API tokens at once.
staff-deactivate = Deactivate
staff-reactivate = Reactivate
staff-reset-password = Reset password
staff-password-reset-done = The password has been cleared. Give the person the link below to choose a new one.
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
validation-language = Choose English or Russian.
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
validation-date-future = This date is in the future.
validation-lawyer = Choose an active lawyer.
validation-paralegal = Choose an active paralegal.
case-kind-required = Record the claim's kind in the intake first.
case-conflict-unresolved = Record a clear conflict check before the consultation.

## --- intake form ---

## --- case page ---

## --- search, conflict check and case list ---

## --- API ---

## --- demo data ---
