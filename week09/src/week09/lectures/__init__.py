"""Week 9 lectures: one runnable module per topic."""
