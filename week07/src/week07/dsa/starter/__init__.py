"""Reference answers to week 7's DSA problems (trees and tries; SQL self-joins, recursive CTEs)."""
