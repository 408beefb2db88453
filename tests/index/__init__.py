"""Tests of the index stage: every mention recorded, counted and listed."""
