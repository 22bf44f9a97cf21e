import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import {
  CallStatsPanel,
  SecurityCode,
  StateTimeline,
  qualityOf,
  type CallStatsSample,
  type TimelineEntry,
} from '../src'

const now = Date.UTC(2026, 10, 24, 9, 30)
const samples: CallStatsSample[] = Array.from({ length: 60 }, (_, i) => ({
  at: now + i * 1000,
  bitrateIn: 900_000 + Math.sin(i / 5) * 200_000,
  bitrateOut: 1_100_000 + Math.cos(i / 7) * 150_000,
  rttMs: 40 + (i % 10) * 3,
  lossPercent: i > 45 ? 6 : 0.2,
  jitterMs: 4,
  fps: 30,
  width: 640,
  height: 480,
  limitedBy: null,
  path: {
    local: { type: 'relay', address: '203.0.113.7', port: 49152 },
    remote: { type: 'srflx', address: '198.51.100.4', port: 61000 },
    protocol: 'udp',
    relayed: true,
  },
}))
const latest = samples.at(-1) ?? null
const timeline: TimelineEntry[] = [
  { at: now, layer: 'phase', value: 'creating-offer' },
  { at: now + 40, layer: 'gathering', value: 'gathering' },
  { at: now + 210, layer: 'gathering', value: 'complete' },
  { at: now + 9000, layer: 'ice', value: 'checking' },
  { at: now + 9120, layer: 'ice', value: 'connected' },
  { at: now + 9150, layer: 'connection', value: 'connected' },
  { at: now + 9150, layer: 'phase', value: 'connected' },
]

function Diagnostics() {
  return (
    <div className="rpc-call" style={{ display: 'grid', gap: '0.75rem' }}>
      <SecurityCode code="482 915" />
      <CallStatsPanel stats={{ samples, latest, quality: qualityOf(latest) }} />
      <StateTimeline entries={timeline} />
    </div>
  )
}

const meta = {
  title: 'Components/CallDiagnostics',
  component: Diagnostics,
} satisfies Meta<typeof Diagnostics>
export default meta
type Story = StoryObj<typeof meta>

/** Security code, Call stats (a relayed call with some loss) and the state timeline. */
export const RelayedWithLoss: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByLabelText('Security code')).toHaveTextContent('482 915')
    const stats = canvas.getByRole('region', { name: 'Call stats' })
    await expect(stats).toHaveTextContent('Quality: fair (packet loss)')
    await expect(stats).toHaveTextContent('Path: relayed (TURN) — relay 203.0.113.7:49152')
    await expect(canvas.getByRole('list', { name: 'State timeline' }).children).toHaveLength(7)
  },
}
