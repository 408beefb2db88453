"""Tests of the data stage: reading and validating glossary.yml and notes.yml."""
