import { useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import { useLatest } from '../hooks/useLatest.js'
import { createQrDecoder, type QrDecoder } from './qrDecoder.js'

/** Props of {@link QrScanner}. */
export interface QrScannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onError'> {
  /** A QR code was read: its text (the scanner has stopped its camera). */
  onScan: (text: string) => void
  /** **Stop scanning** was clicked (the camera is stopped). */
  onClose: () => void
  /** The camera could not start: the browser's error (the scanner shows nothing more). */
  onError?: (cause: unknown) => void
  /**
   * Opens the scanner's camera: the media owner's `openScannerCamera` (the camera facing away
   * from the person), or your own. The scanner shows the stream and stops it.
   */
  openCamera: () => Promise<MediaStream>
  labels?: { qrScanner?: string; scannerCamera?: string; scanHint?: string; stopScanning?: string }
}

// Frames read a second: enough to catch a code held up, little work for a phone.
const READ_EVERY_MS = 150

/**
 * A camera view that reads the other person's QR code (a group named **QR code scanner**, its
 * video **Scanner camera**, and **Stop scanning**). It opens a camera stream of its own and stops
 * it once a code is read, on Stop scanning, when it unmounts, and when anything fails. The decoder
 * (the browser's `BarcodeDetector`, else qr-scanner's in a worker) is loaded when scanning starts.
 *
 * @example
 * {scanning && <QrScanner openCamera={openScannerCamera} onScan={complete} onClose={() => setScanning(false)} />}
 */
export function QrScanner({
  onScan,
  onClose,
  onError,
  openCamera,
  labels = {},
  ...rest
}: QrScannerProps) {
  const video = useRef<HTMLVideoElement>(null)
  const [state, setState] = useState<'starting' | 'scanning'>('starting')
  const handlers = useLatest({ onScan, onError })

  useEffect(() => {
    let stream: MediaStream | null = null
    let decoder: QrDecoder | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const stop = () => {
      stopped = true
      clearTimeout(timer)
      for (const track of stream?.getTracks() ?? []) track.stop()
      decoder?.close()
      if (video.current) video.current.srcObject = null
    }
    void (async () => {
      try {
        // The camera first: whatever fails after it, stop() finds it and stops it.
        stream = await openCamera()
        if (stopped) return stop()
        decoder = await createQrDecoder()
        if (stopped || !video.current) return stop()
        video.current.srcObject = stream
        await video.current.play().catch(() => undefined)
        if (stopped) return
        setState('scanning')
        const read = async () => {
          if (stopped || !video.current || !decoder) return
          const text = await decoder.read(video.current).catch(() => null)
          if (stopped) return
          if (text) {
            stop()
            handlers.current.onScan(text)
          } else timer = setTimeout(() => void read(), READ_EVERY_MS)
        }
        void read()
      } catch (cause) {
        const open = !stopped
        stop()
        if (open) handlers.current.onError?.(cause)
      }
    })()
    return stop
  }, [openCamera, handlers])

  return (
    <div
      role="group"
      aria-label={labels.qrScanner ?? 'QR code scanner'}
      className="rpc-qr-scanner"
      data-state={state}
      {...rest}
    >
      <video
        ref={video}
        aria-label={labels.scannerCamera ?? 'Scanner camera'}
        muted
        playsInline
        autoPlay
      />
      <p className="rpc-hint">
        {labels.scanHint ?? 'Hold the QR code of the other person’s signal up to the camera.'}
      </p>
      <button type="button" className="rpc-button" onClick={onClose}>
        {labels.stopScanning ?? 'Stop scanning'}
      </button>
    </div>
  )
}
