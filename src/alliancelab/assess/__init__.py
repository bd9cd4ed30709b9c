"""The measures layer: pure functions that assess a proposed alliance on the bundled data."""
