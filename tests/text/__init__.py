"""Tests of the text stage: matching, annotating, paragraph numbers, anchoring notes."""
