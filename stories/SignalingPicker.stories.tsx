import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, within } from 'storybook/test'
import { SignalingPicker, type SignalingKind } from '../src'

const meta = {
  title: 'Components/SignalingPicker',
  component: SignalingPicker,
  args: {
    kind: 'copy-paste',
    room: 'demo',
    url: 'ws://127.0.0.1:8787',
    onKindChange: fn(),
    onRoomChange: fn(),
    onUrlChange: fn(),
  },
} satisfies Meta<typeof SignalingPicker>
export default meta
type Story = StoryObj<typeof meta>

/** Copy-paste needs neither a room nor a server. */
export const CopyPaste: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('combobox', { name: 'Signaling' })).toHaveValue('copy-paste')
    await expect(canvas.queryByRole('textbox', { name: 'Room' })).toBeNull()
  },
}

export const SameBrowser: Story = {
  args: { kind: 'same-browser' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('textbox', { name: 'Room' })).toHaveValue('demo')
    await expect(canvas.queryByRole('textbox', { name: 'Server URL' })).toBeNull()
  },
}

function Interactive() {
  const [kind, setKind] = useState<SignalingKind>('copy-paste')
  const [room, setRoom] = useState('demo')
  const [url, setUrl] = useState('ws://127.0.0.1:8787')
  return (
    <SignalingPicker
      kind={kind}
      room={room}
      url={url}
      onKindChange={setKind}
      onRoomChange={setRoom}
      onUrlChange={setUrl}
    />
  )
}

/** Choosing WebSocket shows the room and the relay's URL. */
export const WebSocket: Story = {
  render: () => <Interactive />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Signaling' }), 'WebSocket')
    await expect(canvas.getByRole('textbox', { name: 'Server URL' })).toHaveValue(
      'ws://127.0.0.1:8787',
    )
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Room' }))
    await userEvent.type(canvas.getByRole('textbox', { name: 'Room' }), 'standup')
    await expect(canvas.getByRole('textbox', { name: 'Room' })).toHaveValue('standup')
  },
}

function InteractiveMqtt() {
  const [kind, setKind] = useState<SignalingKind>('copy-paste')
  const [room, setRoom] = useState('demo')
  const [url, setUrl] = useState('ws://127.0.0.1:9001')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  return (
    <SignalingPicker
      kind={kind}
      room={room}
      url={url}
      onKindChange={setKind}
      onRoomChange={setRoom}
      onUrlChange={setUrl}
      offerMqtt
      username={username}
      password={password}
      onUsernameChange={setUsername}
      onPasswordChange={setPassword}
    />
  )
}

/** With `offerMqtt` (the app can load `react-p2p-call/mqtt`): the broker, the room and an account. */
export const MqttBroker: Story = {
  render: () => <InteractiveMqtt />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Signaling' }),
      'MQTT broker',
    )
    await expect(canvas.getByRole('textbox', { name: 'Broker URL' })).toHaveValue(
      'ws://127.0.0.1:9001',
    )
    await expect(canvas.queryByRole('textbox', { name: 'Server URL' })).toBeNull()
    await userEvent.type(canvas.getByRole('textbox', { name: 'Username' }), 'alice')
    await userEvent.type(canvas.getByLabelText('Password'), 'alice-dev')
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password')
    await expect(canvas.getByLabelText('Password')).toHaveValue('alice-dev')
  },
}

/** Without `offerMqtt` there is no MQTT broker to choose. */
export const WithoutMqtt: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const options = within(canvas.getByRole('combobox', { name: 'Signaling' })).getAllByRole(
      'option',
    )
    await expect(options.map((o) => o.textContent)).toEqual([
      'Copy-paste',
      'Same browser',
      'WebSocket',
    ])
  },
}
