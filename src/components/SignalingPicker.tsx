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
  /** Offer **MQTT broker** (the app can load `react-p2p-call/mqtt`). Default `false`. */
  offerMqtt?: boolean
  /** The broker account, for MQTT broker. */
  username?: string
  password?: string
  onUsernameChange?: (username: string) => void
  onPasswordChange?: (password: string) => void
  disabled?: boolean
  labels?: Partial<
    Record<
      | 'signalingChoice'
      | 'copyPaste'
      | 'sameBrowser'
      | 'webSocket'
      | 'mqttBroker'
      | 'room'
      | 'serverUrl'
      | 'brokerUrl'
      | 'brokerUsername'
      | 'brokerPassword',
      string
    >
  >
}

/**
 * A select named **Signaling** (Copy-paste, Same browser, WebSocket, and MQTT broker when offered)
 * with a **Room** textbox, and a **Server URL** textbox (WebSocket) or **Broker URL**, **Username**
 * and **Password** (MQTT broker) where they apply.
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
  offerMqtt = false,
  username = '',
  password = '',
  onUsernameChange,
  onPasswordChange,
  disabled,
  labels = {},
  ...rest
}: SignalingPickerProps) {
  const id = useId()
  return (
    <div className="rpc-signaling" data-state={kind} {...rest}>
      <div className="rpc-signaling__field">
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
          {(offerMqtt || kind === 'mqtt') && (
            <option value="mqtt">{labels.mqttBroker ?? 'MQTT broker'}</option>
          )}
        </select>
      </div>
      {kind !== 'copy-paste' && (
        <div className="rpc-signaling__field">
          <label htmlFor={`${id}-room`}>{labels.room ?? 'Room'}</label>
          <input
            id={`${id}-room`}
            value={room}
            disabled={disabled}
            autoComplete="off"
            onChange={(event) => onRoomChange(event.target.value)}
          />
        </div>
      )}
      {(kind === 'websocket' || kind === 'mqtt') && (
        <div className="rpc-signaling__field rpc-signaling__field--wide">
          <label htmlFor={`${id}-url`}>
            {kind === 'mqtt'
              ? (labels.brokerUrl ?? 'Broker URL')
              : (labels.serverUrl ?? 'Server URL')}
          </label>
          <input
            id={`${id}-url`}
            type="url"
            value={url}
            disabled={disabled}
            placeholder={kind === 'mqtt' ? 'ws://127.0.0.1:9001' : 'ws://127.0.0.1:8787'}
            onChange={(event) => onUrlChange(event.target.value)}
          />
        </div>
      )}
      {kind === 'mqtt' && (
        <>
          <div className="rpc-signaling__field">
            <label htmlFor={`${id}-user`}>{labels.brokerUsername ?? 'Username'}</label>
            <input
              id={`${id}-user`}
              value={username}
              disabled={disabled}
              autoComplete="username"
              onChange={(event) => onUsernameChange?.(event.target.value)}
            />
          </div>
          <div className="rpc-signaling__field">
            <label htmlFor={`${id}-password`}>{labels.brokerPassword ?? 'Password'}</label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              disabled={disabled}
              autoComplete="current-password"
              onChange={(event) => onPasswordChange?.(event.target.value)}
            />
          </div>
        </>
      )}
    </div>
  )
}
