"""Open Referral HSDS 3.0: our offer as HSDS documents, and HSDS documents into our offer.

Modules: ``common`` (constants, derived ids), ``taxonomy`` (our terms), ``export`` (rows to
documents), ``document`` (a file's bytes to data), ``fields`` (reading the fields of one
record), ``importer`` (records into our offer, through the services).

Export
    Pure functions turn our rows into the dictionaries of the compiled HSDS 3.0 schemas
    (``service_to_hsds``, ``organization_to_hsds``, ``service_at_location_to_hsds``, ...). They
    read related rows through ``.all()``, so a caller that wants a constant number of queries
    prefetches with ``services_for_export`` / ``organisations_for_export``.

    * Only published services are exported; referral criteria (for professionals) never are.
    * HSDS ids must be UUIDs. Records with a row of their own use its ``hsds_id``; the parts we
      keep as fields (phones, contacts, cost options, service areas, addresses, schedules,
      attributes, service at location) get a UUID derived (uuid5) from the owner's ``hsds_id``,
      so they are stable between exports and survive an export and import into another database.
    * Our taxonomies (domains, age groups, target groups) have stable term codes such as
      ``domain:gezondheid``; the term's id is the uuid5 of that code. The API accepts both.
    * HSDS has no summary field: ``description`` is the summary, a blank line, then our longer
      description. The importer splits it again at the first blank line.
    * Opening hours are wall-clock times in Belgium (``opens_at`` "09:00" without an offset,
      which would be wrong half of the year).

Import
    ``importer.import_hsds(data, house=...)`` upserts organisations, services and locations by their HSDS
    ``id`` (our ``hsds_id``), in one transaction, with a savepoint per record. A key that is absent
    leaves that field as it is; a key that is present (even empty) replaces it. A record whose
    content equals what we hold is left untouched and counted as unchanged, so importing the same
    file twice changes nothing. The help of the ``import-hsds`` command lists what rejects a
    record and what only skips a field.

    ``document.read_hsds_document(raw)`` parses a file's bytes into such data, refusing a file larger than
    ``MAX_DOCUMENT_BYTES`` and arrays and objects nested deeper than ``MAX_NESTING`` before it
    parses (deep nesting would exhaust the parser's recursion).
"""
