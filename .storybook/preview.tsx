import type { Preview } from '@storybook/react-vite'
import { StrictMode } from 'react'
import '../src/styles.css'

// Stories render in StrictMode, so a double mount that leaks a connection or a camera shows early.
const preview: Preview = {
  decorators: [
    (Story) => (
      <StrictMode>
        <Story />
      </StrictMode>
    ),
  ],
  // Every story is checked with axe when it runs as a test; a violation fails it.
  parameters: { layout: 'padded', a11y: { test: 'error' } },
  tags: ['autodocs'],
}
export default preview
