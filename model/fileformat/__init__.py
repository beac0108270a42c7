"""The `.journey` file format: reading (size and depth checks, schema, migrations) and atomic
writing. The public verbs are re-exported here; the modules are
``journey_file`` (load/save), ``scenario_data`` (the scenarios of format version 3),
``filechecks``, ``fastschema``, ``references`` and ``schema_errors``
(validation before parsing and of the parsed data), ``migrations`` (older versions forward),
``serialize`` (plain data -> map) and ``tempfiles`` (temporary-file names and clean-up);
its messages are model.journey.messages Messages. Imports model.journey, resources, jsonschema.
"""
from model.fileformat.journey_file import (
    dumps_data,
    dumps_journey,
    load_journey,
    loads_data,
    loads_journey,
    read_journey_bytes,
    save_data,
    save_journey,
    validate_data,
)

__all__ = ["dumps_data", "dumps_journey", "load_journey", "loads_data", "loads_journey",
           "read_journey_bytes", "save_data", "save_journey", "validate_data"]
