"""Reads a topic of the running pipeline as a Python service would: Confluent's client
(librdkafka, which reads zstd as it is) for the records and its registry client for the
schema, and the Apache Avro library for the body (Confluent's AvroDeserializer needs
fastavro, which Debian does not package). Prints each record as one JSON line.

Usage: python3 consume.py BOOTSTRAP REGISTRY_URL TOPIC COUNT
"""
import io
import json
import struct
import sys
import time
import uuid
from decimal import Decimal

import avro.io
import avro.schema
from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient


def main(bootstrap, registry_url, topic, count):
    registry = SchemaRegistryClient({"url": registry_url})
    readers = {}
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "interop-py-" + uuid.uuid4().hex,
                         "isolation.level": "read_committed", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    seen, deadline = 0, time.monotonic() + 60
    try:
        while seen < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out after reading {seen} of {count} records")
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                raise SystemExit(f"consumer error: {msg.error()}")
            print(json.dumps({"key": msg.key().decode(), "value": decode(registry, readers, msg.value())},
                             default=plain, ensure_ascii=False))
            seen += 1
    finally:
        consumer.close()


def decode(registry, readers, data):
    """Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro binary body."""
    if data is None:
        return None
    magic, schema_id = struct.unpack(">bI", data[:5])
    if magic != 0:
        raise ValueError(f"unknown magic byte {magic}")
    if schema_id not in readers:
        schema = avro.schema.parse(registry.get_schema(schema_id).schema_str)
        readers[schema_id] = avro.io.DatumReader(schema)
    return readers[schema_id].read(avro.io.BinaryDecoder(io.BytesIO(data[5:])))


def plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
