# The I-589 completeness check (issue 16): the form's parts as the check groups missing items.
i589-check-part-a-i = Part A.I: about you
i589-check-part-a-ii = Part A.II: your spouse and children
i589-check-part-a-iii = Part A.III: your background
i589-check-part-b = Part B: the claim
i589-check-part-c = Part C: additional information
i589-check-part-d = Part D: your signature
