import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, within } from 'storybook/test'
import { VideoCall } from '../src'

const meta = {
  title: 'Theming',
  component: VideoCall,
  args: { iceServers: [] },
} satisfies Meta<typeof VideoCall>
export default meta
type Story = StoryObj<typeof meta>

// A design system's theme: only custom properties on an ancestor, no JavaScript.
const brand = {
  '--rpc-font': 'Georgia, serif',
  '--rpc-accent': '#6d28d9',
  '--rpc-danger': '#be123c',
  '--rpc-radius': '18px',
  '--rpc-surface': '#f5f3ff',
  '--rpc-border': '#c4b5fd',
  '--rpc-video-bg': '#2e1065',
} as CSSProperties

/** `react-p2p-call/styles.css` themed with custom properties. */
export const CustomTheme: Story = {
  render: (args) => (
    <div style={brand}>
      <VideoCall {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole('region', { name: 'Video call' })
    // The preview tile: the theme's radius and video surface; the primary action, its accent.
    const tile = within(region).getByLabelText('Local video').closest('figure') as HTMLElement
    await expect(getComputedStyle(tile).borderTopLeftRadius).toBe('36px') // --rpc-radius-lg: twice --rpc-radius
    await expect(getComputedStyle(tile).backgroundColor).toBe('rgb(46, 16, 101)')
    const primary = within(region).getByRole('button', { name: 'Create offer' })
    await expect(getComputedStyle(primary).backgroundColor).toBe('rgb(109, 40, 217)')
    await expect(getComputedStyle(region).fontFamily).toContain('Georgia')
  },
}
