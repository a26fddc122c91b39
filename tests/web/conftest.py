from web_site import site, site_db  # noqa: F401 - fixtures for the web tests
