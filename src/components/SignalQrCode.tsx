import { useEffect, useState, type ComponentPropsWithoutRef } from 'react'

/** The most a QR code holds in byte mode (version 40, error correction L). */
export const MAX_QR_BYTES = 2953
// Up to this (version 40 at M), codes get error correction M: readable with 15 % of it damaged.
const MAX_M_BYTES = 2331
// A tail in QR alphanumeric characters (a `P2P2.OFFER.…` signal, also at the end of a link) goes
// in alphanumeric mode: 5.5 bits a character instead of 8.
const ALPHANUMERIC_TAIL = /^([^]*?)([0-9A-Z $%*+\-./:]{16,})$/

/** Props of {@link SignalQrCode}. */
export interface SignalQrCodeProps extends ComponentPropsWithoutRef<'div'> {
  /** The text to encode: a compact signal, or a link made by `signalLink`. */
  value: string
  labels?: { signalQrCode?: string; qrTooLong?: string; qrFailed?: string }
}

interface Matrix {
  text: string
  size: number
  path: string
}

async function matrixOf(text: string): Promise<Matrix> {
  // Loaded on first use: the QR library is not part of the kit's main bundle.
  const { default: qrcode } = await import('qrcode-generator')
  const qr = qrcode(0, bytesOf(text) <= MAX_M_BYTES ? 'M' : 'L')
  const [, head = text, tail] = ALPHANUMERIC_TAIL.exec(text) ?? []
  if (head) qr.addData(head, 'Byte')
  if (tail) qr.addData(tail, 'Alphanumeric')
  qr.make()
  const size = qr.getModuleCount()
  let path = ''
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`
    }
  }
  return { text, size, path }
}

const bytesOf = (text: string) => new TextEncoder().encode(text).length

/**
 * A QR code of a signal (an image named **Signal QR code**) so a phone can scan it; when the text is
 * too long for one, a note that says what to do instead. The QR library is loaded lazily.
 *
 * @example
 * <SignalQrCode value={localSignal} />
 */
export function SignalQrCode({ value, labels = {}, ...rest }: SignalQrCodeProps) {
  const [matrix, setMatrix] = useState<Matrix | null>(null)
  // The QR library's chunk did not load (offline, or a deploy replaced it): say so, and offer Copy.
  const [failed, setFailed] = useState<string | null>(null)
  const fits = value !== '' && bytesOf(value) <= MAX_QR_BYTES

  useEffect(() => {
    if (!fits) return
    let live = true
    matrixOf(value).then(
      (next) => {
        if (live) setMatrix(next)
      },
      () => {
        if (live) setFailed(value)
      },
    )
    return () => {
      live = false
    }
  }, [value, fits])

  if (!fits) {
    return value === '' ? null : (
      <p className="rpc-qr rpc-notice" data-state="too-long" {...rest}>
        {labels.qrTooLong ??
          'This signal is too long for a QR code. Choose Signal format: Compact.'}
      </p>
    )
  }
  if (failed === value) {
    return (
      <p className="rpc-qr rpc-notice" data-state="failed" role="alert" {...rest}>
        {labels.qrFailed ?? 'The QR code could not load: use Copy instead.'}
      </p>
    )
  }
  const ready = matrix?.text === value ? matrix : null
  // A quiet zone of 4 modules around the code, as scanners expect.
  return (
    <div
      className="rpc-qr"
      data-state={ready ? 'ready' : 'loading'}
      data-version={ready ? (ready.size - 17) / 4 : undefined}
      {...rest}
    >
      <svg
        role="img"
        aria-label={labels.signalQrCode ?? 'Signal QR code'}
        aria-busy={!ready}
        viewBox={ready ? `-4 -4 ${ready.size + 8} ${ready.size + 8}` : '0 0 1 1'}
        shapeRendering="crispEdges"
      >
        <rect x="-4" y="-4" width="100%" height="100%" fill="#fff" />
        {ready && <path d={ready.path} fill="#000" />}
      </svg>
    </div>
  )
}
