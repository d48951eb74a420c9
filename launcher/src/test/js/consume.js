// Consumes records from a topic with kafkajs and decodes their values with Confluent's
// official AvroDeserializer, printing each as one JSON line. Bytes (Avro decimals) are
// printed as {"$bytes": "<hex>"} so the caller can check them exactly.
// Usage: node consume.js BOOTSTRAP REGISTRY_URL TOPIC COUNT
const { Kafka, logLevel, CompressionTypes, CompressionCodecs } = require('kafkajs');
const { SchemaRegistryClient, AvroDeserializer, SerdeType } = require('@confluentinc/schemaregistry');
const fzstd = require('fzstd');

// The pipeline's producers compress with zstd; kafkajs ships only gzip. A consumer needs only
// decompression, which fzstd does in plain JavaScript (no native build).
CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  compress: async () => { throw new Error('this consumer only reads'); },
  decompress: async (buffer) => Buffer.from(fzstd.decompress(buffer)),
});

async function main() {
  const [bootstrap, registryUrl, topic, countArg] = process.argv.slice(2);
  const expected = Number(countArg || 1);
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
  const kafka = new Kafka({ clientId: 'kamerstroom-interop', brokers: [bootstrap], logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: `interop-${process.pid}-${Date.now()}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after reading ${seen} of ${expected} records`)), 60000);
    consumer.run({
      eachMessage: async ({ message }) => {
        const value = message.value === null ? null : await deserializer.deserialize(topic, message.value);
        process.stdout.write(JSON.stringify({ key: message.key.toString(), value }, bytesAsHex) + '\n');
        if (++seen === expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
}

function bytesAsHex(key, value) {
  if (value && value.type === 'Buffer' && Array.isArray(value.data)) {
    return { $bytes: Buffer.from(value.data).toString('hex') };
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  return value;
}

main().then(() => process.exit(0), (err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
