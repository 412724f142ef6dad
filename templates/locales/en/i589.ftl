# I-589 Parts B and C in the case file: the grounds claimed and each yes/no question with
# its explanation. Item numbers are the form's own (the form is in English).

i589-section = The claim (I-589 Parts B and C)
i589-section-intro = A question stays unanswered until you choose yes or no: the I-589 may not leave a box blank. Explain every “yes” before completing the intake.
i589-part-b = Part B: the claim
i589-part-c = Part C: additional information
i589-answer-unanswered = Not answered
i589-answer-yes = Yes
i589-answer-no = No
validation-i589-explain-yes = A “yes” must be explained.

i589-grounds = B.1 Grounds claimed
ground-race = Race
ground-religion = Religion
ground-nationality = Nationality
ground-political_opinion = Political opinion
ground-social_group = Membership in a particular social group
ground-torture = Convention Against Torture

i589-past-harm = B.1A Harm, mistreatment or threats in the past (to the applicant, family, close friends or colleagues)
i589-past-harm-explanation = B.1A Explanation: what happened, to whom, when, by whom and why
i589-fear-of-harm = B.1B Fears harm or mistreatment on return
i589-fear-of-harm-explanation = B.1B Explanation: what harm, from whom, and why
i589-arrested-abroad = B.2 Ever accused, charged, arrested, detained, interrogated, convicted or imprisoned outside the US
i589-arrested-abroad-explanation = B.2 Explanation: what happened, when, where, and for how long
i589-organizations = B.3A Belonged to or was associated with organizations or groups at home
i589-organizations-explanation = B.3A Explanation: which groups, the part taken, positions held, and for how long
i589-continued-participation = B.3B Still takes part in any of those organizations or groups
i589-continued-participation-explanation = B.3B Explanation: which groups, and the part taken now
i589-fear-of-torture = B.4 Fears torture on return
i589-fear-of-torture-explanation = B.4 Explanation: why, what kind of torture, and by whom
i589-earlier-applications = C.1 The applicant or family ever applied for refugee status, asylum or withholding of removal
i589-earlier-applications-explanation = C.1 Explanation: who applied, where, when, and the decision
i589-other-countries = C.2A Travelled through or lived in other countries after leaving home, before the US
i589-other-countries-explanation = C.2A Explanation: each country, how long, the status there, and why they left
i589-status-elsewhere = C.2B The applicant or family applied for or received lawful status in another country
i589-status-elsewhere-explanation = C.2B Explanation: the country, the status, and whether they may return there
i589-harmed-others = C.3 Ever caused harm to anyone because of race, religion, nationality, social group or political opinion
i589-harmed-others-explanation = C.3 Explanation: what happened, and the applicant's part in it
i589-returned = C.4 Returned to the country of feared harm after leaving it
i589-returned-explanation = C.4 Explanation: when, for how long, and why
i589-filed-after-one-year = C.5 Filing more than one year after the last arrival in the US
i589-filed-after-one-year-explanation = C.5 The exception: why the application was not filed within the first year
i589-filed-after-one-year-hint = Changed or extraordinary circumstances, and when they arose; the one-year deadline is on the case page.
i589-crimes-in-us = C.6 Committed a crime, or was arrested, charged, convicted or sentenced, in the US
i589-crimes-in-us-explanation = C.6 Explanation: what happened, when, and the outcome
