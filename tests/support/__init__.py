"""Helpers shared by the tests: the essay source, real builds, reading built pages."""
