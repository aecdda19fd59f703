// Pictures for export: the stage under a title band (title, scenario, seed, month) at twice the screen's
// resolution, and a chart's SVG drawn to PNG. The words are drawn into the picture and also written
// into the PNG as iTXt chunks (Title, Description), so a picture says what it shows when it is
// looked at and when it is read by a program.

/** CRC-32 of PNG chunks (ISO 3309), table-driven. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One iTXt chunk (UTF-8 text, uncompressed) with its length and CRC. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** The PNG with text chunks after its header chunk (IHDR is always first: 8 + 25 bytes). */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const at = 8 + 25;
  const chunks = Object.entries(entries).map(([k, v]) => itxtChunk(k, v));
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, at), 0);
  let o = at;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  out.set(png.subarray(at), o);
  return out;
}

/** Read the iTXt and tEXt chunks of a PNG (tests and anyone who wants to check a picture). */
export function pngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  for (let o = 8; o + 12 <= png.length; ) {
    const len = view.getUint32(o);
    const type = dec.decode(png.subarray(o + 4, o + 8));
    const data = png.subarray(o + 8, o + 8 + len);
    if (type === 'iTXt' || type === 'tEXt') {
      const z = data.indexOf(0);
      const key = dec.decode(data.subarray(0, z));
      let rest = data.subarray(z + 1);
      if (type === 'iTXt') {
        rest = rest.subarray(2);
        rest = rest.subarray(rest.indexOf(0) + 1);
        rest = rest.subarray(rest.indexOf(0) + 1);
      }
      out[key] = dec.decode(rest);
    }
    o += 12 + len;
  }
  return out;
}

async function canvasToPng(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<Uint8Array> {
  const blob =
    'convertToBlob' in canvas
      ? await canvas.convertToBlob({ type: 'image/png' })
      : await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

export interface PictureLabel {
  title: string;
  /** the second line: scenario, seed, month */
  caption: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The stage's drawing (already at `scale`x) under a white band with the title and caption, as a PNG. */
export async function labelledPng(drawing: HTMLCanvasElement | OffscreenCanvas, label: PictureLabel, scale: number): Promise<Blob> {
  const band = Math.round(56 * scale);
  const canvas = new OffscreenCanvas(drawing.width, drawing.height + band);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1c2330';
  ctx.font = `700 ${Math.round(18 * scale)}px ${FONT}`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(label.title, Math.round(12 * scale), Math.round(24 * scale));
  ctx.fillStyle = '#3d4450';
  ctx.font = `400 ${Math.round(14 * scale)}px ${FONT}`;
  ctx.fillText(label.caption, Math.round(12 * scale), Math.round(44 * scale));
  ctx.drawImage(drawing as CanvasImageSource, 0, band);
  const png = withPngText(await canvasToPng(canvas), { Title: label.title, Description: label.caption, Software: 'Meerwaarde' });
  return new Blob([png as BlobPart], { type: 'image/png' });
}

/** An SVG file drawn to a PNG at `scale`x its size. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn'));
      img.src = url;
    });
    const canvas = new OffscreenCanvas(Math.round(img.width * scale), Math.round(img.height * scale));
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
    const png = withPngText(await canvasToPng(canvas), { Title: title, Software: 'Meerwaarde' });
    return new Blob([png as BlobPart], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
