"""Tests of whole builds: strict builds, fidelity, valid HTML, links, serve, style, benchmark."""
