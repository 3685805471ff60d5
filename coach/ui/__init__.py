"""The web app's tabs: each module builds one tab on the shared services."""
