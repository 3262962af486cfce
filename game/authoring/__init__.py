"""Tools for people who write scenarios: the language server for editors."""
