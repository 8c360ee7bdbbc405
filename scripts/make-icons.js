#!/usr/bin/env node
/* Draws the add-in's icons (assets/icon-16/32/64/80.png) without an image library: a blue rounded square
   with a white check mark and three bars (a table being checked), written as PNG with zlib.
   Run: node scripts/make-icons.js */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels → PNG bytes. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const BLUE = [0x10, 0x6e, 0xbe, 255];
const WHITE = [255, 255, 255, 255];
const LIGHT = [0xb4, 0xd6, 0xf5, 255];
const CLEAR = [0, 0, 0, 0];

function icon(size) {
  const s = size / 16; // design on a 16-unit grid
  const radius = 3 * s;
  return png(size, (x, y) => {
    const cx = x + 0.5, cy = y + 0.5;
    // rounded square
    const qx = Math.max(radius - cx, 0, cx - (size - radius));
    const qy = Math.max(radius - cy, 0, cy - (size - radius));
    if (Math.hypot(qx, qy) > radius) return CLEAR;
    // check mark
    const w = Math.max(1.1, 1.4 * s);
    if (distanceToSegment(cx, cy, 3 * s, 8.5 * s, 6 * s, 11.5 * s) < w || distanceToSegment(cx, cy, 6 * s, 11.5 * s, 12.5 * s, 4 * s) < w) return WHITE;
    // three bars on the right, a table's rows
    if (size >= 32 && cx > 9 * s && cx < 14 * s && [10.5, 12.5].some((row) => Math.abs(cy - row * s) < 0.45 * s)) return LIGHT;
    return BLUE;
  });
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
  console.log(`assets/icon-${size}.png`);
}
