import { useId, type ComponentPropsWithoutRef } from 'react'
import type { MediaDeviceList } from '../core/mediaDevices.js'

/** Props of {@link DevicePickers}. */
export interface DevicePickersProps extends ComponentPropsWithoutRef<'div'> {
  devices: MediaDeviceList
  /**
   * The devices in use (`LocalMediaState.deviceIds`; a picker shows only for a kind in use) and the
   * chosen speaker.
   */
  cameraId: string | null
  microphoneId: string | null
  speakerId: string
  onCameraChange: (deviceId: string) => void
  onMicrophoneChange: (deviceId: string) => void
  onSpeakerChange: (deviceId: string) => void
  /** Which pickers to show (e.g. `['microphone', 'speaker']` in a microphone's menu). Default: all. */
  kinds?: readonly DeviceKind[]
  labels?: Partial<Record<'camera' | 'microphone' | 'speaker' | 'defaultSpeaker', string>>
}

/** The pickers of {@link DevicePickers}. */
export type DeviceKind = 'camera' | 'microphone' | 'speaker'

const ALL_KINDS: readonly DeviceKind[] = ['camera', 'microphone', 'speaker']

function Picker({
  label,
  value,
  options,
  onChange,
  fallback,
}: {
  label: string
  value: string
  options: readonly MediaDeviceInfo[]
  onChange: (id: string) => void
  fallback: string
}) {
  const id = useId()
  return (
    <span className="rpc-device">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || `${fallback} ${index + 1}`}
          </option>
        ))}
      </select>
    </span>
  )
}

/**
 * Selects named **Camera**, **Microphone** and **Speaker** (the last only where the browser can
 * choose one, `setSinkId`). Switching mid-call replaces the track without renegotiation.
 *
 * @example
 * const devices = useMediaDevices(stream)
 * <DevicePickers devices={devices} cameraId={ids.video} microphoneId={ids.audio} speakerId={sink}
 *   onCameraChange={(id) => media.switchDevice('video', id, session.replaceTrack)} … />
 */
export function DevicePickers({
  devices,
  cameraId,
  microphoneId,
  speakerId,
  onCameraChange,
  onMicrophoneChange,
  onSpeakerChange,
  kinds = ALL_KINDS,
  labels = {},
  ...rest
}: DevicePickersProps) {
  const camera = labels.camera ?? 'Camera'
  const microphone = labels.microphone ?? 'Microphone'
  const speaker = labels.speaker ?? 'Speaker'
  return (
    <div className="rpc-devices" {...rest}>
      {/* A picker switches a device in use: none without a camera or microphone track. */}
      {kinds.includes('camera') && devices.cameras.length > 0 && cameraId !== null && (
        <Picker
          label={camera}
          value={cameraId ?? ''}
          options={devices.cameras}
          onChange={onCameraChange}
          fallback={camera}
        />
      )}
      {kinds.includes('microphone') && devices.microphones.length > 0 && microphoneId !== null && (
        <Picker
          label={microphone}
          value={microphoneId ?? ''}
          options={devices.microphones}
          onChange={onMicrophoneChange}
          fallback={microphone}
        />
      )}
      {kinds.includes('speaker') && devices.canChooseSpeaker && devices.speakers.length > 0 && (
        <Picker
          label={speaker}
          value={speakerId}
          options={devices.speakers}
          onChange={onSpeakerChange}
          fallback={speaker}
        />
      )}
    </div>
  )
}
