# Client revisions of the case file: answers from a questionnaire link, reviewed field by field.

audit-action-case-revision-submitted = Client answers submitted for review
audit-action-case-revision-viewed = Client answers opened for review
audit-action-case-revision-reviewed = Client answers reviewed
audit-field-revision-accepted = Accepted
audit-field-revision-edited = Edited
audit-field-revision-rejected = Rejected

revision-waiting = Client answers waiting for review (submitted { $submitted })
revision-title = Client answers for { $reference }
revision-submitted = Submitted { $at }
revision-language = Answered in
revision-intro = Only answers that differ from the file are listed. For each, accept the client's answer, edit it before it goes into the file, or reject it to keep what is on file.
revision-nothing-new = Every answer matches the file: nothing to decide.
revision-on-file = On file
revision-client-answer = Client's answer
revision-accept = Accept
revision-edit = Edit
revision-reject = Reject
revision-edited-value = Edited answer
revision-apply = Apply these decisions
revision-accept-rest = Accept all undecided and apply
revision-reject-rest = Reject all undecided and apply
revision-decided-by-lawyers = A lawyer decides what goes into the file.
revision-reviewed-by = Reviewed by { $name } on { $at }.
revision-accepted = Accepted
revision-edited = Edited
revision-rejected = Rejected
revision-undecided = Choose accept, edit or reject.
revision-already-reviewed = These answers have already been reviewed; nothing was changed.
