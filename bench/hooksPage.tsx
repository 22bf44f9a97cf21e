// The README's "your own layout from the hooks" (demo/examples/ComposedCall.tsx) alone on a page,
// `?role=callee` for the answering tab: what the kit's call costs without VideoCall's UI, timed by
// `npm run bench:connect -- --hooks` beside the raw page and the demo.
import { createRoot } from 'react-dom/client'
import { ComposedCall } from '../demo/examples/ComposedCall'

const role =
  new URLSearchParams(window.location.search).get('role') === 'callee' ? 'callee' : 'caller'
const root = document.getElementById('root')
if (!root) throw new Error('bench/hooks.html has no #root')
createRoot(root).render(<ComposedCall role={role} />)
