import type { ComponentPropsWithoutRef } from 'react'
import type { CallActions, SignalingMode } from '../core/callActions.js'

/** Props of {@link CallControls}. Optional actions render a button only when given a handler. */
export interface CallControlsProps extends ComponentPropsWithoutRef<'div'> {
  /** Which buttons are enabled, e.g. from `callActions(state, role, mode)`. */
  actions: CallActions
  /** `copy-paste` shows the three paste steps; `channel` shows Start call instead. */
  mode?: SignalingMode
  onCreateOffer: () => void
  onCreateAnswer: () => void
  onCompleteConnection: () => void
  onHangUp: () => void
  onStartCall?: () => void
  onReconnect?: () => void
  onShareScreen?: () => void
  onStopSharing?: () => void
  labels?: Partial<
    Record<
      | 'createOffer'
      | 'createAnswer'
      | 'completeConnection'
      | 'hangUp'
      | 'startCall'
      | 'reconnect'
      | 'shareScreen'
      | 'stopSharing',
      string
    >
  >
}

/**
 * The call buttons: **Create offer**, **Create answer**, **Complete connection** (copy-paste) or
 * **Start call** (a channel), **Reconnect** while a copy-paste call is recovering, **Share screen**
 * / **Stop sharing**, and **Hang up**.
 *
 * @example
 * <CallControls actions={callActions(state, role)} onCreateOffer={…} onCreateAnswer={…}
 *   onCompleteConnection={…} onHangUp={…} />
 */
export function CallControls({
  actions,
  mode = 'copy-paste',
  onCreateOffer,
  onCreateAnswer,
  onCompleteConnection,
  onHangUp,
  onStartCall,
  onReconnect,
  onShareScreen,
  onStopSharing,
  labels = {},
  ...rest
}: CallControlsProps) {
  return (
    <div className="rpc-controls" {...rest}>
      {mode === 'copy-paste' ? (
        <>
          <button type="button" disabled={!actions.createOffer} onClick={onCreateOffer}>
            {labels.createOffer ?? 'Create offer'}
          </button>
          <button type="button" disabled={!actions.createAnswer} onClick={onCreateAnswer}>
            {labels.createAnswer ?? 'Create answer'}
          </button>
          <button
            type="button"
            disabled={!actions.completeConnection}
            onClick={onCompleteConnection}
          >
            {labels.completeConnection ?? 'Complete connection'}
          </button>
          {onReconnect && actions.reconnect && (
            <button type="button" onClick={onReconnect}>
              {labels.reconnect ?? 'Reconnect'}
            </button>
          )}
        </>
      ) : (
        onStartCall && (
          <button type="button" disabled={!actions.startCall} onClick={onStartCall}>
            {labels.startCall ?? 'Start call'}
          </button>
        )
      )}
      {actions.stopSharing
        ? onStopSharing && (
            <button type="button" onClick={onStopSharing}>
              {labels.stopSharing ?? 'Stop sharing'}
            </button>
          )
        : onShareScreen && (
            <button type="button" disabled={!actions.shareScreen} onClick={onShareScreen}>
              {labels.shareScreen ?? 'Share screen'}
            </button>
          )}
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
