import type { ComponentPropsWithoutRef } from 'react'
import type { ErrorText } from '../core/errors.js'
import type { DeviceState, DeviceStatus } from '../core/localMedia.js'
import { DEFAULT_LABELS } from './labels.js'

/** Props of {@link DeviceStatusList}. */
export interface DeviceStatusListProps extends ComponentPropsWithoutRef<'ul'> {
  /** `LocalMediaState.devices`. */
  devices: { camera: DeviceState; microphone: DeviceState }
  errorText?: Partial<ErrorText>
  labels?: {
    devices?: string
    camera?: string
    microphone?: string
    deviceStatusNames?: Partial<Record<DeviceStatus, string>>
  }
}

/**
 * A list named **Devices**: the camera's and the microphone's status each (working, blocked, in use,
 * not found, constraints invalid, insecure page), with the hint that says what to do. Nothing is
 * shown while both work or were not asked for.
 *
 * @example
 * const { devices } = useLocalMediaState()
 * return <DeviceStatusList devices={devices} />
 */
export function DeviceStatusList({
  devices,
  errorText,
  labels = {},
  ...rest
}: DeviceStatusListProps) {
  const rows = [
    [labels.camera ?? 'Camera', devices.camera],
    [labels.microphone ?? 'Microphone', devices.microphone],
  ] as const
  if (rows.every(([, d]) => d.status === 'granted' || d.status === 'unknown')) return null
  const names = { ...DEFAULT_LABELS.deviceStatusNames, ...labels.deviceStatusNames }
  return (
    <ul aria-label={labels.devices ?? 'Devices'} className="rpc-device-status" {...rest}>
      {rows.map(([name, device]) => {
        const text = device.error ? (errorText?.[device.error.code] ?? device.error) : null
        return (
          <li key={name} data-state={device.status}>
            <strong>{name}</strong>: {names[device.status]}
            {text && device.status !== 'granted' ? ` — ${text.hint}` : ''}
          </li>
        )
      })}
    </ul>
  )
}
