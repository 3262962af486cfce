"""``firm-and-kind lsp``: a language server for scenario files, over stdio.

The server itself (:mod:`.server`) needs pygls; the analysis it serves
(:mod:`.index`, :mod:`.context`) is plain Python over the scenario text, so
it works on half-typed files too. Nothing here is imported by the game or by
other commands.
"""
