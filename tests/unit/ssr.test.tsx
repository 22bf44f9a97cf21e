import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

describe('given a server without window or navigator', () => {
  it('imports the package and renders VideoCall to a string', async () => {
    expect(typeof globalThis.window).toBe('undefined')
    expect(
      typeof globalThis.navigator === 'undefined' || !('mediaDevices' in globalThis.navigator),
    ).toBe(true)
    const kit = await import('../../src')
    const { MESSAGES_ZH_CN } = await import('../../src/locales/zh-CN')
    // React separates adjacent text nodes with empty comments.
    const html = renderToString(<kit.VideoCall messages={MESSAGES_ZH_CN} />).replaceAll(
      '<!-- -->',
      '',
    )
    expect(html).toContain('创建 Offer')
    expect(html).toContain('aria-label="视频通话"')
    // The lobby's first step, in Chinese.
    expect(html).toContain('发送这个邀请')
  })
})
