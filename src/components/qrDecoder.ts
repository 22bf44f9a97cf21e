// Reads QR codes from video frames: the browser's own `BarcodeDetector` where it has one for QR
// codes (Chrome on Android and macOS), else qr-scanner's decoder in a worker (10 kB gzip, a
// trimmed jsQR; 16 kB with its scanner), imported only when scanning starts.

/** Reads the QR code in the current frame of a playing video, or `null` when it shows none. */
export interface QrDecoder {
  read(video: HTMLVideoElement): Promise<string | null>
  /** Ends its worker, if it has one. */
  close(): void
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
      close() {},
    }
  } catch {
    return null
  }
}

async function workerDecoder(): Promise<QrDecoder> {
  const { default: QrScanner } = await import('qr-scanner')
  const engine = await QrScanner.createQrEngine()
  const canvas = document.createElement('canvas')
  return {
    async read(video) {
      const { videoWidth: width, videoHeight: height } = video
      if (width === 0 || height === 0) return null
      // The whole frame, at most 720 px a side: a code held anywhere in view, its modules still
      // several pixels wide.
      const scale = Math.min(1, 720 / Math.max(width, height))
      try {
        const result = await QrScanner.scanImage(video, {
          qrEngine: engine,
          canvas,
          scanRegion: {
            x: 0,
            y: 0,
            width,
            height,
            downScaledWidth: Math.round(width * scale),
            downScaledHeight: Math.round(height * scale),
          },
          returnDetailedScanResult: true,
        })
        return result.data || null
      } catch {
        // "No QR code found" in this frame.
        return null
      }
    },
    close() {
      if (engine instanceof Worker) engine.terminate()
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
  return (await nativeDecoder()) ?? workerDecoder()
}
