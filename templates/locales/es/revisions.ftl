# Client revisions of the case file: answers from a questionnaire link, reviewed field by field.

audit-action-case-revision-submitted = El cliente envió respuestas para revisar
