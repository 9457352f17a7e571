/** Logo and signature images: PNG or JPEG bytes, sized from their own header. */
export interface LetterImage {
  bytes: Uint8Array;
}

export interface ImageInfo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

export class LetterImageError extends Error {
  constructor(readonly role: 'logo' | 'signature') {
    super(`The ${role} image is not a PNG or JPEG file that can be read.`);
    this.name = 'LetterImageError';
  }
}

function pngInfo(b: Uint8Array): ImageInfo | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegInfo(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return undefined;
    const marker = b[offset + 1] ?? 0;
    const length = view.getUint16(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame)
      return { type: 'jpg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    offset += 2 + length;
  }
  return undefined;
}

export function imageInfo(bytes: Uint8Array, role: 'logo' | 'signature'): ImageInfo {
  const info = pngInfo(bytes) ?? jpegInfo(bytes);
  if (!info || info.width < 1 || info.height < 1) throw new LetterImageError(role);
  return info;
}

/** Scales to fit the box (in points-like pixels), keeping the aspect ratio. */
export function fitImage(
  info: ImageInfo,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(maxWidth / info.width, maxHeight / info.height, 1);
  return { width: Math.round(info.width * scale), height: Math.round(info.height * scale) };
}
