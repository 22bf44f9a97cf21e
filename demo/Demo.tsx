import { useId, useState } from 'react'
import { MESSAGES_EN, MESSAGES_ZH_CN, VideoCall } from '../src'
import { IceSettingsPanel, type IceSettingsText } from './IceSettingsPanel'
import {
  iceOptionsOf,
  iceSettingsFromSearch,
  searchWithIceSettings,
  type IceSettings,
} from './iceSettings'

type Language = 'en' | 'zh-CN'

const TEXT = {
  en: {
    language: 'Language',
    intro: (
      <>
        Open this page in two tabs. In one, choose <strong>Caller</strong> and click{' '}
        <strong>Create offer</strong>; send the Local signal to the other tab — paste it into its
        Remote signal, or open the <strong>Copy link</strong> link there, or scan the QR code. There
        (as <strong>Callee</strong>), click <strong>Create answer</strong>, and copy its Local
        signal back into the first tab's Remote signal; click <strong>Complete connection</strong>.
        After that one exchange, screen sharing, reconnecting and hanging up need no more pasting.
      </>
    ),
    noPaste: (
      <>
        No pasting at all: set <strong>Signaling</strong> to <strong>Same browser</strong> in both
        tabs (same <strong>Room</strong>) and click <strong>Start call</strong> in one — or to{' '}
        <strong>WebSocket</strong> with <code>npm run signal-server</code> running.
      </>
    ),
    ice: {
      title: 'ICE servers',
      stun: 'STUN server',
      stunHint: 'Empty: no STUN (host candidates only, for one network).',
      turn: 'TURN server',
      username: 'TURN username',
      credential: 'TURN credential',
      relayOnly: 'Relay only (TURN)',
      relayOnlyHint:
        'All traffic goes through the TURN server: the other side never sees your IP address, at the cost of latency and server bandwidth.',
      hideHost: 'Hide my local addresses (no host candidates)',
      hideHostHint:
        'Signals carry only the addresses STUN/TURN servers give you. Two devices on one network may then not connect directly.',
      apply: 'Apply',
      applied: 'Applied: the next call uses these servers.',
      problems: {
        stun: 'The STUN server must start with stun: or stuns:, e.g. stun:stun.example.org:3478.',
        turn: 'The TURN server must start with turn: or turns:, e.g. turn:turn.example.org:3478?transport=udp.',
        credentials: 'A TURN server needs a username and a credential: fill in both.',
        relay: 'Relay only needs a TURN server: fill in TURN server first.',
      },
    },
  },
  'zh-CN': {
    language: '语言',
    intro: (
      <>
        在两个标签页中打开本页。在第一个标签页选择<strong>主叫方</strong>并点击
        <strong>创建 Offer</strong>
        ，把“本地信令”发给另一个标签页：粘贴到它的“远端信令”中，或在那里打开
        <strong>复制链接</strong>得到的链接，或扫描二维码；在那里（作为<strong>被叫方</strong>）点击
        <strong>创建 Answer</strong>
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
    ice: {
      title: 'ICE 服务器',
      stun: 'STUN 服务器',
      stunHint: '留空则不使用 STUN（仅主机候选地址，适合同一网络）。',
      turn: 'TURN 服务器',
      username: 'TURN 用户名',
      credential: 'TURN 密码',
      relayOnly: '仅中继（TURN）',
      relayOnlyHint:
        '所有流量都经过 TURN 服务器：对方看不到你的 IP 地址，但延迟更高、占用服务器带宽。',
      hideHost: '隐藏本机地址（不发送主机候选地址）',
      hideHostHint: '信令中只有 STUN/TURN 得到的地址。同一网络中的两台设备可能因此无法直接连接。',
      apply: '应用',
      applied: '已应用：下一次通话将使用这些服务器。',
      problems: {
        stun: 'STUN 地址必须以 stun: 或 stuns: 开头，例如 stun:stun.example.org:3478。',
        turn: 'TURN 地址必须以 turn: 或 turns: 开头，例如 turn:turn.example.org:3478?transport=udp。',
        credentials: 'TURN 服务器需要用户名和密码：请两项都填写。',
        relay: '“仅中继”需要一个 TURN 服务器：请先填写 TURN 服务器。',
      },
    },
  },
} as const

function initialLanguage(search: string): Language {
  return new URLSearchParams(search).get('lang') === 'zh-CN' ? 'zh-CN' : 'en'
}

/** The copy-paste demo page: a language switch, how-to text, and one `<VideoCall />`. */
export function Demo({ search = '' }: { search?: string }) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(search))
  const [ice, setIce] = useState<IceSettings>(() => iceSettingsFromSearch(search))
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
      <IceSettingsPanel
        value={ice}
        text={text.ice as IceSettingsText}
        onApply={(next) => {
          setIce(next)
          // In the address too, so a reload (or the link to this page) keeps them.
          const url = new URL(window.location.href)
          window.history.replaceState(
            window.history.state,
            '',
            `${url.pathname}${searchWithIceSettings(url.search, next)}${url.hash}`,
          )
        }}
      />
      <VideoCall
        {...iceOptionsOf(ice)}
        messages={language === 'zh-CN' ? MESSAGES_ZH_CN : MESSAGES_EN}
      />
    </main>
  )
}
