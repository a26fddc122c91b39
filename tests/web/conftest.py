from web_site import cheap_hashes, site, site_db  # noqa: F401 - fixtures for the web tests
