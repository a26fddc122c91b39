"""Writers of analysis results: one module per output format."""
