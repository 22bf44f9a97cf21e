import { useId, useState } from 'react'
import { MESSAGES_EN, MESSAGES_ZH_CN, VideoCall } from '../src'
import { iceServersFromUrl } from './iceServersFromUrl'

type Language = 'en' | 'zh-CN'

const TEXT = {
  en: {
    language: 'Language',
    intro: (
      <>
        Open this page in two tabs. In one, choose <strong>Caller</strong> and click{' '}
        <strong>Create offer</strong>; copy the Local signal into the other tab's Remote signal.
        There, choose <strong>Callee</strong>, click <strong>Create answer</strong>, and copy its
        Local signal back into the first tab's Remote signal; click{' '}
        <strong>Complete connection</strong>. After that one exchange, screen sharing, reconnecting
        and hanging up need no more pasting.
      </>
    ),
    noPaste: (
      <>
        No pasting at all: set <strong>Signaling</strong> to <strong>Same browser</strong> in both
        tabs (same <strong>Room</strong>) and click <strong>Start call</strong> in one — or to{' '}
        <strong>WebSocket</strong> with <code>npm run signal-server</code> running.
      </>
    ),
  },
  'zh-CN': {
    language: '语言',
    intro: (
      <>
        在两个标签页中打开本页。在第一个标签页选择<strong>主叫方</strong>并点击
        <strong>创建 Offer</strong>，把“本地信令”复制到另一个标签页的“远端信令”中；在那里选择
        <strong>被叫方</strong>，点击<strong>创建 Answer</strong>
        ，再把它的“本地信令”复制回第一个标签页的 “远端信令”，点击<strong>完成连接</strong>
        。这一次交换之后，共享屏幕、重新连接和挂断都不再需要粘贴。
      </>
    ),
    noPaste: (
      <>
        完全不用粘贴：在两个标签页把<strong>信令方式</strong>都设为<strong>同一浏览器</strong>
        （相同的<strong>房间</strong>），在其中一个点击<strong>开始通话</strong>；或者运行{' '}
        <code>npm run signal-server</code> 后使用 <strong>WebSocket</strong>。
      </>
    ),
  },
} as const

function initialLanguage(search: string): Language {
  return new URLSearchParams(search).get('lang') === 'zh-CN' ? 'zh-CN' : 'en'
}

/** The copy-paste demo page: a language switch, how-to text, and one `<VideoCall />`. */
export function Demo({ search = '' }: { search?: string }) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(search))
  const [iceServers] = useState(() => iceServersFromUrl(search))
  const id = useId()
  const text = TEXT[language]
  return (
    <main className="demo" lang={language}>
      <header className="demo__header">
        <h1>react-p2p-call</h1>
        <div className="demo__language">
          <label htmlFor={id}>{text.language}</label>
          <select
            id={id}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
          </select>
        </div>
      </header>
      <p className="demo__intro">{text.intro}</p>
      <p className="demo__intro">{text.noPaste}</p>
      <VideoCall
        {...(iceServers ? { iceServers } : {})}
        messages={language === 'zh-CN' ? MESSAGES_ZH_CN : MESSAGES_EN}
      />
    </main>
  )
}
