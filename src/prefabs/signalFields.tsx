import { useId, useState } from 'react'
import type { P2PError } from '../core/errors.js'
import type { PeerSessionState } from '../core/peerSession.js'
import { ERROR_TEXT } from '../core/errors.js'
import { signalKindOf } from '../core/signalCodec.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { GatheringProgress } from '../components/GatheringProgress.js'
import { LocalSignalBox } from '../components/LocalSignalBox.js'
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

/** What to send: **Local signal** with Copy (and Copy link for an offer), and its QR code. */
export function LocalSignalField({
  session,
  labels,
  errorText,
  link,
}: LayoutContext & { link?: string }) {
  const localSignal = useSessionSelector(selectLocalSignal, session)
  const [showQr, setShowQr] = useState(false)
  if (!localSignal) return null
  return (
    <div className="rpc-field">
      <LocalSignalBox
        value={localSignal}
        link={link}
        rows={3}
        labels={{ ...labels, placeholder: labels.localSignalPlaceholder }}
        copyError={errorText.ERR_COPY ?? ERROR_TEXT.ERR_COPY}
        actions={
          <button
            type="button"
            className="rpc-qr-toggle"
            aria-expanded={showQr}
            onClick={() => setShowQr((shown) => !shown)}
          >
            {showQr ? labels.hideQrCode : labels.showQrCode}
          </button>
        }
      />
      {showQr && <SignalQrCode value={link ?? localSignal} labels={labels} />}
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
}: LayoutContext & {
  value: string
  onValueChange: (text: string) => void
  onAnswerInstead?: () => void
}) {
  const error = useSessionSelector(selectError, session)
  const id = useId()
  const fieldError = isPasteError(error) ? error : null
  const pastedOffer = onAnswerInstead && signalKindOf(value) === 'offer'
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
        {pastedOffer && !fieldError && (
          <p className="rpc-hint" data-state="pasted-offer">
            {labels.pastedOffer}{' '}
            <button type="button" className="rpc-button" onClick={onAnswerInstead}>
              {labels.answerInstead}
            </button>
          </p>
        )}
      </div>
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
