import { useId, type ComponentPropsWithoutRef } from 'react'
import type { SignalingChoice } from '../hooks/useSignalingChannel.js'

/** The kinds a {@link SignalingPicker} offers. */
export type SignalingKind = SignalingChoice['kind']

/** Props of {@link SignalingPicker}. */
export interface SignalingPickerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onChange'> {
  kind: SignalingKind
  room: string
  url: string
  onKindChange: (kind: SignalingKind) => void
  onRoomChange: (room: string) => void
  onUrlChange: (url: string) => void
  disabled?: boolean
  labels?: Partial<
    Record<
      'signalingChoice' | 'copyPaste' | 'sameBrowser' | 'webSocket' | 'room' | 'serverUrl',
      string
    >
  >
}

/**
 * A select named **Signaling** (Copy-paste, Same browser, WebSocket) with a **Room** textbox and a
 * **Server URL** textbox where they apply.
 *
 * @example
 * <SignalingPicker kind={kind} room={room} url={url}
 *   onKindChange={setKind} onRoomChange={setRoom} onUrlChange={setUrl} />
 */
export function SignalingPicker({
  kind,
  room,
  url,
  onKindChange,
  onRoomChange,
  onUrlChange,
  disabled,
  labels = {},
  ...rest
}: SignalingPickerProps) {
  const id = useId()
  return (
    <div className="rpc-signaling" data-state={kind} {...rest}>
      <label htmlFor={`${id}-kind`}>{labels.signalingChoice ?? 'Signaling'}</label>
      <select
        id={`${id}-kind`}
        value={kind}
        disabled={disabled}
        onChange={(event) => onKindChange(event.target.value as SignalingKind)}
      >
        <option value="copy-paste">{labels.copyPaste ?? 'Copy-paste'}</option>
        <option value="same-browser">{labels.sameBrowser ?? 'Same browser'}</option>
        <option value="websocket">{labels.webSocket ?? 'WebSocket'}</option>
      </select>
      {kind !== 'copy-paste' && (
        <>
          <label htmlFor={`${id}-room`}>{labels.room ?? 'Room'}</label>
          <input
            id={`${id}-room`}
            value={room}
            disabled={disabled}
            autoComplete="off"
            onChange={(event) => onRoomChange(event.target.value)}
          />
        </>
      )}
      {kind === 'websocket' && (
        <>
          <label htmlFor={`${id}-url`}>{labels.serverUrl ?? 'Server URL'}</label>
          <input
            id={`${id}-url`}
            type="url"
            value={url}
            disabled={disabled}
            placeholder="ws://127.0.0.1:8787"
            onChange={(event) => onUrlChange(event.target.value)}
          />
        </>
      )}
    </div>
  )
}
