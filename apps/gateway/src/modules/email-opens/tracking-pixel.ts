import type { Response } from 'express';

/** A transparent 1×1 GIF (42 bytes). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The same bytes and headers for every request, whatever it names. `end`, not `send`: no ETag,
 * so no conditional request ever gets a 304 instead of the image.
 */
export function sendTrackingPixel(response: Response): void {
  response.status(200);
  response.setHeader('Content-Type', 'image/gif');
  response.setHeader('Content-Length', String(PIXEL.length));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(PIXEL);
}
