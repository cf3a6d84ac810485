"""The demo: seed_demo, demo_code and the demo data (TOML). At the top of the layers: no other
app imports it."""
