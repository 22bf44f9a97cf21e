import type { ComponentPropsWithoutRef } from 'react'
import type { CallActions } from '../core/callActions'

/** Props of {@link CallControls}. */
export interface CallControlsProps extends ComponentPropsWithoutRef<'div'> {
  /** Which buttons are enabled, e.g. from `callActions(phase, role)`. */
  actions: CallActions
  onCreateOffer: () => void
  onCreateAnswer: () => void
  onCompleteConnection: () => void
  onHangUp: () => void
  labels?: {
    createOffer?: string
    createAnswer?: string
    completeConnection?: string
    hangUp?: string
  }
}

/**
 * The call buttons: **Create offer**, **Create answer**, **Complete connection**, **Hang up**.
 *
 * @example
 * <CallControls actions={callActions(phase, role)} onCreateOffer={…} onCreateAnswer={…}
 *   onCompleteConnection={…} onHangUp={…} />
 */
export function CallControls({
  actions,
  onCreateOffer,
  onCreateAnswer,
  onCompleteConnection,
  onHangUp,
  labels = {},
  ...rest
}: CallControlsProps) {
  return (
    <div className="rpc-controls" {...rest}>
      <button type="button" disabled={!actions.createOffer} onClick={onCreateOffer}>
        {labels.createOffer ?? 'Create offer'}
      </button>
      <button type="button" disabled={!actions.createAnswer} onClick={onCreateAnswer}>
        {labels.createAnswer ?? 'Create answer'}
      </button>
      <button type="button" disabled={!actions.completeConnection} onClick={onCompleteConnection}>
        {labels.completeConnection ?? 'Complete connection'}
      </button>
      <button
        type="button"
        className="rpc-controls__hang-up"
        disabled={!actions.hangUp}
        onClick={onHangUp}
      >
        {labels.hangUp ?? 'Hang up'}
      </button>
    </div>
  )
}
