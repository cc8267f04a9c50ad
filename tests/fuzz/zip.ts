/**
 * A small zip reader and writer of the fuzz harness's own, independent of JSZip (the CLI's library): the writer can
 * build what a damaged or crafted package holds (a wrong CRC, a duplicate or traversal name, a size that lies), and
 * the strict reader checks every output the way an unforgiving consumer does (APPNOTE.TXT 6.3: local header,
 * central directory, end of central directory; CRC-32 of every entry).
 */
import zlib from "node:zlib";

export interface ZipEntry {
  /** The entry name as bytes would hold it (a string is written as UTF-8). */
  name: string;
  /** Uncompressed bytes. */
  data: Buffer;
  /** 0 stored, 8 deflate (default); anything else is written as given with `raw`. */
  method?: number;
  /** Compressed bytes to write instead of compressing `data` (for a crafted entry). */
  raw?: Buffer;
  /** CRC-32 to declare instead of the true one. */
  crc?: number;
  /** Uncompressed size to declare instead of the true one. */
  size?: number;
}

const crc32 = (b: Uint8Array): number => (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(b) >>> 0;

/** A zip file of these entries, in this order (names may repeat: the central directory lists them all). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = e.raw ?? (method === 8 ? zlib.deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name, "utf8");
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(0, 12);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBytes, end]);
}

export interface ReadEntry {
  name: string;
  method: number;
  data: Buffer;
  /** The entry's compressed bytes as stored. */
  raw: Buffer;
}

/**
 * Reads a zip strictly: every entry must inflate to its declared size with its declared CRC, names must be unique,
 * relative and free of `..`; throws an Error naming the first problem. `maxBytes` bounds what one entry may expand to.
 */
export function readZip(buf: Buffer, maxBytes = 256 * 1024 * 1024): ReadEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ReadEntry[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`central directory entry ${k} bad`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString("utf8");
    p += 46 + nlen + xlen + clen;
    if (seen.has(name.toLowerCase())) throw new Error(`duplicate entry ${JSON.stringify(name)}`);
    seen.add(name.toLowerCase());
    if (name.startsWith("/") || name.includes("\\") || name.split("/").includes(".."))
      throw new Error(`entry name ${JSON.stringify(name)} leaves the package`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    if (raw.length !== csize) throw new Error(`${name}: cut off`);
    if (name.endsWith("/")) continue;
    if (usize > maxBytes) throw new Error(`${name}: declares ${usize} bytes`);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(usize, 1) + 1 });
    else throw new Error(`${name}: compression method ${method}`);
    if (data.length !== usize) throw new Error(`${name}: ${data.length} bytes, ${usize} declared`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    out.push({ name, method, data, raw: Buffer.from(raw) });
  }
  return out;
}
