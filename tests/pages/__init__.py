"""Tests of the pages stage: the generated pages and their parts."""
