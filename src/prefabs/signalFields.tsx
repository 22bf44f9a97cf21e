import { useEffect, useId, useState } from 'react'
import { plainSignalText, qrSignalText } from '../core/compactSignal.js'
import type { P2PError } from '../core/errors.js'
import type { PeerSessionState } from '../core/peerSession.js'
import { ERROR_TEXT, mediaErrorFrom } from '../core/errors.js'
import { openScannerCamera } from '../core/localMedia.js'
import { decodeSignal, signalKindOf } from '../core/signalCodec.js'
import { isLoopbackHost, signalFromLink } from '../core/signalLink.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { GatheringProgress } from '../components/GatheringProgress.js'
import { LocalSignalBox } from '../components/LocalSignalBox.js'
import { QrScanner } from '../components/QrScanner.js'
import { RemoteSignalInput } from '../components/RemoteSignalInput.js'
import { SignalQrCode } from '../components/SignalQrCode.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'
import type { LayoutContext } from './layoutContext.js'

const selectError = (s: PeerSessionState) => s.error
const selectLocalSignal = (s: PeerSessionState) => s.localSignal
const selectGathering = (s: PeerSessionState) => s.gathering

/** Errors about what was pasted: shown at the Remote signal field, not somewhere below. */
export function isPasteError(error: P2PError | null): boolean {
  if (!error) return false
  return (
    error.code.startsWith('ERR_SIGNAL_') ||
    error.code === 'ERR_SET_REMOTE_DESCRIPTION' ||
    error.code === 'ERR_NO_OFFER'
  )
}

/** The session's error when it is not about the paste (those show at the field). */
export function SessionErrorAlert({ session, labels, errorText }: LayoutContext) {
  const error = useSessionSelector(selectError, session)
  if (!error || isPasteError(error)) return null
  return (
    <ErrorAlert
      error={error}
      errorText={errorText}
      onDismiss={() => session?.clearError()}
      labels={labels}
    />
  )
}

/** While a signal is made: the progressbar **Gathering candidates** (the counts are in Details). */
export function SignalProgress({ session, labels }: LayoutContext) {
  const gathering = useSessionSelector(selectGathering, session)
  return (
    <GatheringProgress gathering={gathering} counts={null} showCounts={false} labels={labels} />
  )
}

/**
 * Where a link can be opened, when it matters: only on this device (its host is loopback), or on
 * the network under this computer's address (a host other than this page's).
 */
function linkNote(link: string | undefined, labels: LayoutContext['labels']): string | null {
  if (!link || typeof window === 'undefined') return null
  let host: string
  try {
    host = new URL(link).hostname
  } catch {
    return null
  }
  if (isLoopbackHost(host)) return labels.linkOnlyHere
  if (host !== window.location.hostname) return labels.linkNetworkAddress.replace('{host}', host)
  return null
}

const canShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function'

/**
 * What to send: **Local signal** with Copy (and Copy link for an offer), **Share** where the
 * browser has a share sheet, and its QR code (the link's, or the signal's own QR form).
 */
export function LocalSignalField({
  session,
  labels,
  errorText,
  link,
}: LayoutContext & { link?: string }) {
  const localSignal = useSessionSelector(selectLocalSignal, session)
  const [showQr, setShowQr] = useState(false)
  const [shareFailed, setShareFailed] = useState(false)
  if (!localSignal) return null
  const note = linkNote(link, labels)
  const share = async () => {
    setShareFailed(false)
    try {
      await navigator.share(link ? { url: link } : { text: localSignal })
    } catch (error) {
      // Closing the share sheet is no failure.
      if (!(error instanceof DOMException && error.name === 'AbortError')) setShareFailed(true)
    }
  }
  return (
    <div className="rpc-field">
      <LocalSignalBox
        value={localSignal}
        link={link}
        rows={3}
        labels={{ ...labels, placeholder: labels.localSignalPlaceholder }}
        copyError={errorText.ERR_COPY ?? ERROR_TEXT.ERR_COPY}
        actions={
          <>
            {canShare() && (
              <button type="button" className="rpc-button" onClick={() => void share()}>
                {labels.share}
              </button>
            )}
            <button
              type="button"
              className="rpc-qr-toggle"
              aria-expanded={showQr}
              onClick={() => setShowQr((shown) => !shown)}
            >
              {showQr ? labels.hideQrCode : labels.showQrCode}
            </button>
          </>
        }
      />
      {shareFailed && (
        <p className="rpc-notice" role="status">
          {labels.shareFailed}
        </p>
      )}
      {note && (
        <p className="rpc-hint" data-state="link-host">
          {note}
        </p>
      )}
      {showQr && <SignalQrCode value={link ?? qrSignalText(localSignal)} labels={labels} />}
    </div>
  )
}

/**
 * Where the other person's signal goes: **Remote signal**, with the paste's error right under it
 * (`aria-invalid`, `aria-describedby`), and, in a caller's tab, a way to answer a pasted invite.
 */
export function RemoteSignalField({
  session,
  labels,
  errorText,
  value,
  onValueChange,
  onAnswerInstead,
  scan,
}: LayoutContext & {
  value: string
  onValueChange: (text: string) => void
  onAnswerInstead?: () => void
  /**
   * **Scan QR code**: reads the other person's signal with the camera and fills the box, as a
   * paste would; with `'answer'`, an answer read completes the connection at once (a damaged one
   * gets the alert a damaged paste gets).
   */
  scan?: 'answer' | 'offer'
}) {
  const error = useSessionSelector(selectError, session)
  const id = useId()
  const [scanning, setScanning] = useState(false)
  const [cameraError, setCameraError] = useState<P2PError | null>(null)
  const fieldError = isPasteError(error) ? error : null
  const pastedOffer = onAnswerInstead && signalKindOf(value) === 'offer'
  // Read ahead: a paste is decoded as it lands, so the click that uses it waits for nothing.
  useEffect(() => {
    if (value.trim() !== '') void decodeSignal(value)
  }, [value])
  const onScan = (raw: string) => {
    setScanning(false)
    // A code may hold a share link or a signal, in its text or its QR form.
    const text = signalFromLink(raw) ?? plainSignalText(raw)
    onValueChange(text)
    // Only an answer completes the call; anything else waits in the box, as a paste would.
    if (scan === 'answer' && signalKindOf(text) === 'answer') void session?.completeConnection(text)
  }
  return (
    <div className="rpc-field">
      <RemoteSignalInput
        value={value}
        onValueChange={onValueChange}
        rows={3}
        labels={{ ...labels, placeholder: labels.remoteSignalPlaceholder }}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError || pastedOffer ? id : undefined}
      />
      <div id={id}>
        {fieldError && (
          <ErrorAlert
            error={fieldError}
            errorText={errorText}
            onDismiss={() => session?.clearError()}
            labels={labels}
          />
        )}
        {cameraError && (
          <ErrorAlert
            error={cameraError}
            errorText={errorText}
            onDismiss={() => setCameraError(null)}
            labels={labels}
          />
        )}
        {pastedOffer && !fieldError && (
          <p className="rpc-hint" data-state="pasted-offer">
            {labels.pastedOffer}{' '}
            <button type="button" className="rpc-button" onClick={onAnswerInstead}>
              {labels.answerInstead}
            </button>
          </p>
        )}
      </div>
      {scan && !scanning && (
        <button
          type="button"
          className="rpc-button rpc-scan"
          onClick={() => {
            setCameraError(null)
            setScanning(true)
          }}
        >
          {labels.scanQrCode}
        </button>
      )}
      {scanning && (
        <QrScanner
          openCamera={openScannerCamera}
          labels={labels}
          onScan={onScan}
          onClose={() => setScanning(false)}
          onError={(cause) => {
            setScanning(false)
            setCameraError(mediaErrorFrom(cause))
          }}
        />
      )}
    </div>
  )
}

/**
 * The step that uses what was pasted: **Complete connection** (an answer) or **Create answer** (an
 * offer, or the other side's restart offer). Never enabled while the box is empty.
 */
export function PasteAction({
  session,
  labels,
  startMedia,
  action,
  value,
}: LayoutContext & { action: 'complete' | 'answer'; value: string }) {
  const complete = action === 'complete'
  return (
    <button
      type="button"
      className="rpc-button"
      data-variant="primary"
      disabled={value.trim() === ''}
      onClick={() =>
        void (complete
          ? session?.completeConnection(value)
          : session?.createAnswer(value, { media: startMedia }))
      }
    >
      {complete ? labels.completeConnection : labels.createAnswer}
    </button>
  )
}
