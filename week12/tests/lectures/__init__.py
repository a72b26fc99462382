"""Tests of the lecture examples."""
