import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { userEvent } from 'vitest/browser'
import { describe, expect, it } from 'vitest'
import { VideoCall } from '../../src'
import { calls, connectedPair, expectPlayingVideo, trackMediaTracks, type CallUi } from './helpers'

describe('given a connected call', () => {
  it('mutes the microphone and turns the camera off, and the other side is told (aria-pressed, Alt+M)', async () => {
    const { a, b } = await connectedPair()
    const mute = a.button('Mute microphone')
    expect(mute.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(mute)
    const unmute = a.button('Unmute microphone')
    expect(unmute.getAttribute('aria-pressed')).toBe('true')
    const stream = a.localVideo().srcObject as MediaStream
    expect(stream.getAudioTracks().every((t) => !t.enabled)).toBe(true)
    await waitFor(() => expect(b.region.textContent).toContain('Their microphone is muted'))

    fireEvent.click(a.button('Turn camera off'))
    expect(a.button('Turn camera on').getAttribute('aria-pressed')).toBe('true')
    expect(stream.getVideoTracks().every((t) => !t.enabled)).toBe(true)
    await waitFor(() => expect(b.region.textContent).toContain('Their camera is off'))

    // The keyboard shortcuts, from anywhere in the call but a text field.
    a.button('Turn camera on').focus()
    await userEvent.keyboard('{Alt>}m{/Alt}')
    expect(a.button('Mute microphone').getAttribute('aria-pressed')).toBe('false')
    await userEvent.keyboard('{Alt>}v{/Alt}')
    expect(a.button('Turn camera off').getAttribute('aria-pressed')).toBe('false')
    await waitFor(() => expect(b.region.textContent).not.toMatch(/Their (microphone|camera)/))
    await expectPlayingVideo(b.remoteVideo())
  })

  it('switches the microphone mid-call with replaceTrack: no renegotiation, mute kept, old track stopped', async () => {
    const { a, b, pcs } = await connectedPair()
    const caller = pcs.created[0] as RTCPeerConnection
    const sdpBefore = caller.localDescription?.sdp
    fireEvent.click(a.button('Mute microphone'))
    const picker = await waitFor(() => a.select('Microphone'))
    const options = [...picker.options].map((o) => o.value)
    expect(options.length).toBeGreaterThan(1) // Chromium's fake devices: three microphones
    const before = caller.getSenders().find((s) => s.track?.kind === 'audio')
      ?.track as MediaStreamTrack
    const other = options.find((id) => id !== picker.value) as string
    fireEvent.change(picker, { target: { value: other } })

    await waitFor(() => {
      const now = caller.getSenders().find((s) => s.track?.kind === 'audio')?.track
      expect(now?.getSettings().deviceId).toBe(other)
    })
    const after = caller.getSenders().find((s) => s.track?.kind === 'audio')
      ?.track as MediaStreamTrack
    expect(after).not.toBe(before)
    expect(before.readyState).toBe('ended')
    expect(after.enabled).toBe(false) // still muted
    expect(a.button('Unmute microphone').getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(a.select('Microphone').value).toBe(other))
    // No renegotiation: the same description, and the call goes on.
    expect(caller.localDescription?.sdp).toBe(sdpBefore)
    expect(caller.signalingState).toBe('stable')
    expect(a.statePanel().textContent).toContain('connection: connected')
    await expectPlayingVideo(b.remoteVideo())

    // The speaker: the remote video plays on the chosen output.
    const speaker = a.select('Speaker')
    const output = [...speaker.options].map((o) => o.value).find((id) => id !== 'default') as string
    fireEvent.change(speaker, { target: { value: output } })
    await waitFor(() =>
      expect((a.remoteVideo() as HTMLVideoElement & { sinkId: string }).sinkId).toBe(output),
    )
  })

  it('switches the camera mid-call with replaceTrack: the call sends the new camera, camera-off kept, old track stopped', async () => {
    const { a, b, pcs } = await connectedPair()
    const caller = pcs.created[0] as RTCPeerConnection
    const sdpBefore = caller.localDescription?.sdp
    const sentVideo = () => caller.getSenders().find((s) => s.track?.kind === 'video')?.track
    const before = sentVideo() as MediaStreamTrack
    const picker = await waitFor(() => a.select('Camera'))
    const options = [...picker.options].map((o) => o.value)
    expect(options.length).toBe(2) // --use-fake-device-for-media-stream=device-count=2
    const other = options.find((id) => id !== picker.value) as string

    fireEvent.change(picker, { target: { value: other } })
    await waitFor(() => expect(sentVideo()?.getSettings().deviceId).toBe(other))
    expect(sentVideo()).not.toBe(before)
    expect(before.readyState).toBe('ended')
    // The preview shows the new camera too, and the other side's video plays on, with no
    // renegotiation.
    const preview = a.localVideo().srcObject as MediaStream
    expect(preview.getVideoTracks()[0]?.getSettings().deviceId).toBe(other)
    expect(caller.localDescription?.sdp).toBe(sdpBefore)
    expect(caller.signalingState).toBe('stable')
    await expectPlayingVideo(b.remoteVideo())

    // Camera off survives a switch back: the new track starts disabled, the other side is told.
    fireEvent.click(a.button('Turn camera off'))
    fireEvent.change(a.select('Camera'), { target: { value: before.getSettings().deviceId } })
    await waitFor(() =>
      expect(sentVideo()?.getSettings().deviceId).toBe(before.getSettings().deviceId),
    )
    expect(sentVideo()?.enabled).toBe(false)
    expect(a.button('Turn camera on').getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(b.region.textContent).toContain('Their camera is off'))
  })

  it('shows a Call stats region whose numbers change while media flows, on a direct path', async () => {
    const { a } = await connectedPair()
    a.openDetails()
    const region = await within(a.region).findByRole('region', { name: 'Call stats' })
    await waitFor(() => expect(region.textContent).toMatch(/Received\s*\d+ kbit\/s/), {
      timeout: 5000,
    })
    const first = region.textContent
    await waitFor(() => expect(region.textContent).not.toBe(first), { timeout: 5000 })
    expect(region.textContent).toMatch(/Path:\s*direct — host /)
    expect(region.textContent).toMatch(/Video\d+×\d+, \d+ fps/)
    expect(region.textContent).toMatch(/Round trip\d+ ms/)
    expect(region.querySelectorAll('svg.rpc-sparkline polyline').length).toBeGreaterThan(0)
    // A direct loopback path loses nothing and answers at once. (Whether Chromium has grown its
    // picture to the camera's yet depends on the machine's load: the unit tests and the faults
    // project cover the bandwidth reason.)
    await waitFor(() => expect(region.textContent).toMatch(/Quality:\s*(good|fair)/))
    expect(region.getAttribute('data-state')).not.toBe('poor')
    expect(region.textContent).not.toMatch(/Quality:[^P]*(packet loss|slow round trip)/)
  })

  it('copies a debug report with the timeline, and without ICE passwords or IP addresses', async () => {
    const { a } = await connectedPair()
    let copied = ''
    const clipboard = navigator.clipboard
    const original = clipboard.writeText.bind(clipboard)
    clipboard.writeText = (text: string) => {
      copied = text
      return Promise.resolve()
    }
    try {
      a.openDetails()
      fireEvent.click(await within(a.region).findByText('State timeline'))
      const timeline = within(a.region).getByRole('list', { name: 'State timeline' })
      expect(timeline.textContent).toMatch(/connection: connected/)
      fireEvent.click(a.button('Copy debug report'))
      await within(a.region).findByText(/Debug report copied/)
    } finally {
      clipboard.writeText = original
    }
    const report = JSON.parse(copied) as {
      timeline: { layer: string; value: string }[]
      localDescription: string
    }
    expect(report.timeline.some((e) => e.layer === 'connection' && e.value === 'connected')).toBe(
      true,
    )
    expect(report.localDescription).toContain('a=ice-pwd:[redacted]')
    expect(copied).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/)
    expect(copied).not.toMatch(/a=ice-pwd:(?!\[redacted\])/)
  })
})

describe('given a page where the clipboard refuses', () => {
  it('shows the debug report to copy by hand, with a hint that says how', async () => {
    const { a } = await connectedPair()
    const clipboard = navigator.clipboard
    const writeText = clipboard.writeText.bind(clipboard)
    const execCommand = document.execCommand.bind(document)
    clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
    document.execCommand = () => false
    try {
      a.openDetails()
      fireEvent.click(await within(a.region).findByText('State timeline'))
      fireEvent.click(a.button('Copy debug report'))
      await within(a.region).findByText(/did not allow copying\. Select the text in Debug report/)
    } finally {
      clipboard.writeText = writeText
      document.execCommand = execCommand
    }
    const report = within(a.region).getByRole('textbox', {
      name: 'Debug report',
    }) as HTMLTextAreaElement
    expect(JSON.parse(report.value)).toMatchObject({ kit: 'react-p2p-call', phase: 'connected' })
    expect(report.value).not.toMatch(/a=ice-pwd:(?!\[redacted\])/)
  })
})

describe('given a camera that another app holds', () => {
  it('shows each device’s status with a hint, and starts the microphone alone (Start camera)', async () => {
    const media = trackMediaTracks(async (constraints) => {
      if (constraints?.video)
        throw new DOMException('Could not start video source', 'NotReadableError')
      return media.original(constraints)
    })
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Start camera'))
    const list = await within(a.region).findByRole('list', { name: 'Devices' })
    expect(list.textContent).toMatch(/Camera: in use by another app — .*close the other app/i)
    expect(list.textContent).toContain('Microphone: working')
    await waitFor(() => expect(media.live().map((t) => t.kind)).toEqual(['audio']))
    // The preview is on before any signal: the camera's picker stays away, the microphone's is there.
    // The devices are listed once the browser has enumerated them (a task later).
    await waitFor(() => expect(a.select('Microphone')).toBeTruthy())
    expect(within(a.region).queryByRole('combobox', { name: 'Camera' })).toBeNull()
  })
})
