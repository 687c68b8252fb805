/**
 * A canvas to draw a decoded photo on and encode it from: an `OffscreenCanvas` (in the worker, or
 * on the main thread where there is no Worker), or a `<canvas>` element where OffscreenCanvas is
 * missing. The search never needs to know which.
 */
export type OutputType = 'image/jpeg' | 'image/png';

export interface Surface {
  readonly width: number;
  readonly height: number;
  /** Draws `image` scaled to the whole surface, over `background` when given (JPEG has no transparency). */
  draw(image: ImageBitmap, background?: string): void;
  /** Whether any pixel is less than opaque. */
  hasTransparency(): boolean;
  encode(type: OutputType, quality?: number): Promise<Blob>;
  /** Frees the pixels now rather than at the next collection (a 2048² surface holds 16 MB). */
  release(): void;
}

export type SurfaceFactory = (width: number, height: number) => Surface;

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function surfaceOn(
  canvas: OffscreenCanvas | HTMLCanvasElement,
  context: Context2D,
  encode: (type: OutputType, quality?: number) => Promise<Blob>,
): Surface {
  const { width, height } = canvas;
  return {
    width,
    height,
    draw(image, background) {
      context.clearRect(0, 0, width, height);
      if (background) {
        context.fillStyle = background;
        context.fillRect(0, 0, width, height);
      }
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, width, height);
    },
    hasTransparency() {
      const pixels = context.getImageData(0, 0, width, height).data;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha]! < 255) return true;
      return false;
    },
    encode,
    release() {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}

function context2d<T extends Context2D>(context: T | null): T {
  if (!context) throw new Error('mms-media-upload: no 2D canvas context');
  return context;
}

export const offscreenSurface: SurfaceFactory = (width, height) => {
  const canvas = new OffscreenCanvas(width, height);
  return surfaceOn(canvas, context2d(canvas.getContext('2d')), (type, quality) =>
    canvas.convertToBlob({ type, quality }),
  );
};

export const elementSurface: SurfaceFactory = (width, height) => {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return surfaceOn(canvas, context2d(canvas.getContext('2d')), (type, quality) =>
    new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('mms-media-upload: the canvas could not be encoded'))), type, quality),
    ),
  );
};
