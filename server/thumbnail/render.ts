/**
 * A stored analysis's thumbnail: the part from the viewer's iso direction, coloured by feature
 * class, as a PNG (pngjs: a plain, dependency-free encoder; Node's zlib does the deflating).
 * Pure and synchronous: the server runs it in a thread of its own (thumbnail-runner.ts).
 */
import { PNG } from 'pngjs';
import { faceColors, type FeatureFaces } from './face-colors.ts';
import { rasterize, type RasterMesh } from './raster.ts';

/** Pixels on a side: enough for a quote list and the print sheet's header, ~10-40 kB as PNG. */
export const THUMBNAIL_SIZE = 256;

/** The parts of a result the thumbnail reads (typed arrays, or plain arrays as parsed from JSON). */
export interface ThumbnailSource {
  mesh: RasterMesh;
  features: readonly FeatureFaces[];
}

export interface Thumbnail {
  png: Uint8Array;
  width: number;
  height: number;
}

export function renderThumbnail(source: ThumbnailSource, size = THUMBNAIL_SIZE): Thumbnail {
  const colours = faceColors(source.features, source.mesh.faceRanges.length);
  const raster = rasterize(source.mesh, colours, size, size);
  const png = new PNG({ width: raster.width, height: raster.height, colorType: 6 });
  png.data = Buffer.from(raster.rgba.buffer, raster.rgba.byteOffset, raster.rgba.byteLength);
  const bytes = PNG.sync.write(png, { colorType: 6 });
  return { png: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), width: raster.width, height: raster.height };
}
