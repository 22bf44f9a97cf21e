import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { LocalVideo, RemoteVideo, useLocalMedia } from '../src'

const meta = {
  title: 'Components/Videos',
  component: LocalVideo,
  args: { stream: null },
} satisfies Meta<typeof LocalVideo>
export default meta
type Story = StoryObj<typeof meta>

const playing = async (video: HTMLVideoElement) => {
  await waitFor(() => expect(video.videoWidth).toBeGreaterThan(0), { timeout: 10_000 })
}

/** Before the camera starts: an empty, labelled element. */
export const LocalEmpty: Story = {
  play: async ({ canvasElement }) => {
    const video = within(canvasElement).getByLabelText('Local video') as HTMLVideoElement
    await expect(video).toHaveAttribute('data-state', 'empty')
    await expect(video.muted).toBe(true)
  },
}

function CameraPreview() {
  const { stream } = useLocalMedia({ autoStart: true })
  return <LocalVideo stream={stream} style={{ width: 320 }} />
}

/** The camera through useLocalMedia: muted and mirrored; it stops when the story unmounts. */
export const LocalCamera: Story = {
  render: () => <CameraPreview />,
  play: async ({ canvasElement }) => {
    const video = within(canvasElement).getByLabelText('Local video') as HTMLVideoElement
    await playing(video)
    await expect(video).toHaveAttribute('data-mirrored')
  },
}

function CanvasStream() {
  const [stream, setStream] = useState<MediaStream | null>(null)
  useEffect(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = 240
    const context = canvas.getContext('2d')
    let hue = 0
    const timer = setInterval(() => {
      if (!context) return
      hue = (hue + 10) % 360
      context.fillStyle = `hsl(${hue} 70% 50%)`
      context.fillRect(0, 0, 320, 240)
    }, 50)
    const captured = canvas.captureStream(20)
    // Made in an effect so StrictMode's second mount does not leak a stream and a timer.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStream(captured)
    return () => {
      clearInterval(timer)
      captured.getTracks().forEach((track) => track.stop())
    }
  }, [])
  return <RemoteVideo stream={stream} style={{ width: 320 }} />
}

/** A remote stream (here drawn on a canvas): not muted, not mirrored. */
export const RemoteStream: Story = {
  render: () => <CanvasStream />,
  play: async ({ canvasElement }) => {
    const video = within(canvasElement).getByLabelText('Remote video') as HTMLVideoElement
    await playing(video)
    await expect(video.muted).toBe(false)
    await expect(video).not.toHaveAttribute('data-mirrored')
  },
}
