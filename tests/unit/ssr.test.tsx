import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

describe('given a server without window or navigator', () => {
  it('imports the package and renders VideoCall to a string: its shell at once, all of it once preloaded', async () => {
    expect(typeof globalThis.window).toBe('undefined')
    expect(
      typeof globalThis.navigator === 'undefined' || !('mediaDevices' in globalThis.navigator),
    ).toBe(true)
    const kit = await import('../../src')
    const { MESSAGES_ZH_CN } = await import('../../src/locales/zh-CN')
    // React separates adjacent text nodes with empty comments.
    const render = () =>
      renderToString(<kit.VideoCall messages={MESSAGES_ZH_CN} />).replaceAll('<!-- -->', '')

    // renderToString does not wait for the call views' chunk: the call and its preview, and the
    // lobby's card in its place, busy (the client fills it in).
    const shell = render()
    expect(shell).toContain('aria-label="视频通话"')
    expect(shell).toContain('aria-label="本地视频"')
    expect(shell).toMatch(/class="rpc-card rpc-lobby__card" aria-busy="true"/)
    expect(shell).not.toContain('创建 Offer')

    // After preloadVideoCall(), all of it: the lobby's first step and its action, in Chinese.
    await kit.preloadVideoCall()
    const html = render()
    expect(html).toContain('创建 Offer')
    expect(html).toContain('aria-label="视频通话"')
    expect(html).toContain('发送这个邀请')
    expect(html).not.toContain('aria-busy')
  })
})
