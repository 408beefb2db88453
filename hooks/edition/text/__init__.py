"""Stage 2, the text: work on the essay in the Markdown element tree.

The compiled matcher of every form (:mod:`~edition.text.matcher`), the annotation of terms
and actors (:mod:`~edition.text.annotate`), paragraph numbers, the essay's blocks before
rendering, the anchoring of notes by quotation and their marks. Uses the data stage only.
"""
