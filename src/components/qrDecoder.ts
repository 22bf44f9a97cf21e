// Reads QR codes from video frames: the browser's own `BarcodeDetector` where it has one for QR
// codes (Chrome on Android and macOS, Safari), else jsQR, imported only when scanning starts.

/** Reads the QR code in the current frame of a playing video, or `null` when it shows none. */
export interface QrDecoder {
  read(video: HTMLVideoElement): Promise<string | null>
}

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats(): Promise<string[]>
}

async function nativeDecoder(): Promise<QrDecoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  if (!Detector) return null
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null
    const detector = new Detector({ formats: ['qr_code'] })
    return {
      async read(video) {
        const [code] = await detector.detect(video)
        return code?.rawValue ?? null
      },
    }
  } catch {
    return null
  }
}

async function jsQrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr')
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })
  return {
    read(video) {
      const { videoWidth: width, videoHeight: height } = video
      if (!context || width === 0 || height === 0) return Promise.resolve(null)
      canvas.width = width
      canvas.height = height
      context.drawImage(video, 0, 0, width, height)
      const { data } = context.getImageData(0, 0, width, height)
      return Promise.resolve(jsQR(data, width, height)?.data ?? null)
    },
  }
}

/**
 * The best QR decoder this browser has.
 *
 * @example
 * const decoder = await createQrDecoder()
 * const text = await decoder.read(video)
 */
export async function createQrDecoder(): Promise<QrDecoder> {
  return (await nativeDecoder()) ?? jsQrDecoder()
}
