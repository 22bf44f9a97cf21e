export declare const FIREFOX_PREFS: Readonly<Record<string, boolean>>
