"""The web app: the same assessments, obligations and alignments in a browser, offline.

:func:`alliancelab.web.app.create_app` builds a FastAPI application whose routes only
parse input, call the library and format the answer; ``alliancelab web`` serves it on
localhost. Every asset ships with the package (no CDN).
"""
