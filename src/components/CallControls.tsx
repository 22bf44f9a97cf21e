import type { ComponentPropsWithoutRef } from 'react'
import type { CallActions, SignalingMode } from '../core/callActions.js'

/** Props of {@link CallControls}. Optional actions render a button only when given a handler. */
export interface CallControlsProps extends ComponentPropsWithoutRef<'div'> {
  /** Which buttons are enabled, e.g. from `callActions(state, role, mode)`. */
  actions: CallActions
  /** `copy-paste` shows the three paste steps; `channel` shows Start call instead. */
  mode?: SignalingMode
  /**
   * Render only the buttons that fit the moment, instead of showing the others disabled (what a
   * call UI for end users wants). Default `false`.
   */
  hideUnavailable?: boolean
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
  hideUnavailable = false,
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
  const pasting = mode === 'copy-paste'
  // [key, shown at all, enabled, text, handler]; Reconnect and Stop sharing only ever show enabled.
  const buttons: [keyof typeof labels, boolean, boolean, string, (() => void) | undefined][] = [
    ['createOffer', pasting, actions.createOffer, 'Create offer', onCreateOffer],
    ['createAnswer', pasting, actions.createAnswer, 'Create answer', onCreateAnswer],
    [
      'completeConnection',
      pasting,
      actions.completeConnection,
      'Complete connection',
      onCompleteConnection,
    ],
    ['reconnect', pasting && actions.reconnect, true, 'Reconnect', onReconnect],
    ['startCall', !pasting, actions.startCall, 'Start call', onStartCall],
    ['stopSharing', actions.stopSharing, true, 'Stop sharing', onStopSharing],
    ['shareScreen', !actions.stopSharing, actions.shareScreen, 'Share screen', onShareScreen],
    ['hangUp', true, actions.hangUp, 'Hang up', onHangUp],
  ]
  return (
    <div className="rpc-controls" {...rest}>
      {buttons.map(
        ([key, shown, enabled, text, onClick]) =>
          shown &&
          onClick &&
          (enabled || !hideUnavailable) && (
            <button
              key={key}
              type="button"
              className={key === 'hangUp' ? 'rpc-controls__hang-up' : undefined}
              disabled={!enabled}
              onClick={onClick}
            >
              {labels[key] ?? text}
            </button>
          ),
      )}
    </div>
  )
}
