// Recognize a gesture in a keypoint clip with a GestureLab classifier and ONNX Runtime for Node.js.
// Setup, once, in the bundle folder:  npm install --ignore-scripts onnxruntime-node
// Run:                               node example/recognize.mjs [clip.npy]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';

const bundle = new URL('../', import.meta.url);

// A .npy file written by GestureLab (or numpy.save): float32, little-endian, C order, frames x 1662.
function readNpy(path) {
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${path} is not a .npy file`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', start, start + headerLength);
  if (!header.includes("'<f4'") || header.includes('True')) {
    throw new Error(`${path} must hold little-endian float32 in C order`);
  }
  const shape = header.match(/'shape': \(([^)]*)\)/)[1].split(',').filter((s) => s.trim()).map(Number);
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + start + headerLength,
    bytes.byteOffset + bytes.length));
  return { shape, data };
}

const card = JSON.parse(readFileSync(new URL('classifier.json', bundle), 'utf8'));
const session = await ort.InferenceSession.create(fileURLToPath(new URL(card.model, bundle)));
const clip = readNpy(process.argv[2] ?? fileURLToPath(new URL('example/clip.npy', bundle)));
const [frames, values] = clip.shape;
// One window of keypoints: [batch 1, frames, 1662]; the graph computes the features itself.
const input = new ort.Tensor('float32', clip.data, [1, frames, values]);
const output = await session.run({ [card.input]: input });
const probabilities = Array.from(output[card.output].data);

const ranked = card.classes.map((name, i) => ({ name, p: probabilities[i] })).sort((a, b) => b.p - a.p);
const best = ranked[0];
console.log(best.p >= card.threshold
  ? `Recognized: ${best.name} (${best.p.toFixed(4)})`
  : `No gesture above the threshold ${card.threshold} (best: ${best.name}, ${best.p.toFixed(4)})`);
for (const { name, p } of ranked) console.log(`  ${name}\t${p.toFixed(6)}`);
