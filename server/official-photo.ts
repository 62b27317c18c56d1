import sharp from 'sharp';
import { HttpError } from './http/errors';

// An official's photo as the kiosks show it: whatever a phone took (any size, EXIF orientation,
// location and camera data), made into a 256×256 JPEG with no metadata at all.

/** The photo a person may upload; beyond it the route refuses the body before reading it. */
export const PHOTO_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
const SIDE = 256;
/** A decompression bomb (a small PNG of 30,000 × 30,000 pixels) is refused before it is decoded. */
const MAX_PIXELS = 40_000_000;

export async function officialPhoto(dataUrl: string): Promise<string> {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > PHOTO_UPLOAD_MAX_BYTES) throw new HttpError(413, 'body_too_large', 'The photo is larger than 5 MB.');
  let format: string | undefined;
  try {
    ({ format } = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata());
  } catch {
    throw new HttpError(400, 'not_an_image', 'The file is not a JPEG, PNG or WebP image.');
  }
  // What the bytes are, not what the data: URL claims.
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp')
    throw new HttpError(400, 'not_an_image', 'The file is not a JPEG, PNG or WebP image.');
  try {
    const jpeg = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate() // upright by its EXIF orientation, before the metadata is dropped
      .resize(SIDE, SIDE, { fit: 'cover', position: 'attention' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer(); // sharp writes no metadata unless asked (withMetadata): EXIF, GPS and ICC are gone
    return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch {
    throw new HttpError(400, 'not_an_image', 'The image cannot be read.');
  }
}
