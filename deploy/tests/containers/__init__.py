"""Tests of week 15's containers lecture (deploy/docs/containers.md)."""
