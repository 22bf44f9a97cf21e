import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import {
  createP2PError,
  DevicePickers,
  DeviceStatusList,
  MediaToggles,
  RemoteMediaBadges,
  type MediaDeviceList,
} from '../src'

const device = (kind: MediaDeviceKind, deviceId: string, label: string) =>
  ({ kind, deviceId, label, groupId: 'g' }) as MediaDeviceInfo

const DEVICES: MediaDeviceList = {
  cameras: [
    device('videoinput', 'cam-1', 'Front camera'),
    device('videoinput', 'cam-2', 'USB camera'),
  ],
  microphones: [
    device('audioinput', 'mic-1', 'Built-in microphone'),
    device('audioinput', 'mic-2', 'Headset'),
  ],
  speakers: [
    device('audiooutput', 'default', 'Default'),
    device('audiooutput', 'spk-2', 'Headphones'),
  ],
  labelled: true,
  canChooseSpeaker: true,
}

function Controls() {
  const [micMuted, setMicMuted] = useState(false)
  const [cameraOff, setCameraOff] = useState(false)
  const [ids, setIds] = useState({ camera: 'cam-1', microphone: 'mic-1', speaker: 'default' })
  return (
    <div className="rpc-call" style={{ display: 'grid', gap: '0.75rem' }}>
      <MediaToggles
        micMuted={micMuted}
        cameraOff={cameraOff}
        onMicMutedChange={setMicMuted}
        onCameraOffChange={setCameraOff}
      />
      <DevicePickers
        devices={DEVICES}
        cameraId={ids.camera}
        microphoneId={ids.microphone}
        speakerId={ids.speaker}
        onCameraChange={(camera) => setIds((x) => ({ ...x, camera }))}
        onMicrophoneChange={(microphone) => setIds((x) => ({ ...x, microphone }))}
        onSpeakerChange={(speaker) => setIds((x) => ({ ...x, speaker }))}
      />
      <figure className="rpc-tile" style={{ minHeight: 60, background: '#222', margin: 0 }}>
        <RemoteMediaBadges state={{ micMuted, cameraOff }} />
      </figure>
    </div>
  )
}

const meta = {
  title: 'Components/MediaControls',
  component: Controls,
} satisfies Meta<typeof Controls>
export default meta
type Story = StoryObj<typeof meta>

/** Mute and camera toggles (aria-pressed), device pickers, and what the other side would see. */
export const TogglesAndPickers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Mute microphone' }))
    await expect(canvas.getByRole('button', { name: 'Unmute microphone' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(canvas.getByText('Their microphone is muted')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Turn camera off' }))
    await expect(canvas.getByText('Their camera is off')).toBeVisible()
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Microphone' }), 'Headset')
    await expect(canvas.getByRole('combobox', { name: 'Microphone' })).toHaveValue('mic-2')
    await expect(canvas.getByRole('combobox', { name: 'Speaker' })).toBeVisible()
  },
}

/** Per-device status: the camera is held by another app, the microphone works. */
export const DeviceStatus: Story = {
  render: () => (
    <div className="rpc-call">
      <DeviceStatusList
        devices={{
          camera: { status: 'in-use', error: createP2PError('ERR_MEDIA_IN_USE') },
          microphone: { status: 'granted', error: null },
        }}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Devices' })
    await expect(list).toHaveTextContent(/Camera: in use by another app — /)
    await expect(list).toHaveTextContent('Microphone: working')
  },
}
