"""Stage 3, the index: what occurs where in one build.

Every mention of every entry, recorded as the essay's pages render, in reading order, with
its context; counts and co-occurrence for the pages stage. Uses the text and data stages.
"""
