"""The demo's HSDS identifiers: the same in every demo database, so that an export of one demo
imports into another as the same records."""

import uuid

HSDS_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://huisvanhetkind.example.be/demo")


def demo_hsds_id(*key: str) -> str:
    """The HSDS id of a demo record, the same in every demo database."""
    return str(uuid.uuid5(HSDS_NAMESPACE, "/".join(key)))
