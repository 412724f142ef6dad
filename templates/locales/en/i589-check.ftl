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
